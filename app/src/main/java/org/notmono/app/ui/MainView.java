package org.notmono.app.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;

import org.notmono.fx.KeyBinding;
import org.notmono.fx.document.DocumentEditor;
import org.notmono.model.chat.ui.ChatView;
import org.notmono.sim.editor.SceneWorkspace;
import org.notmono.viewer.ui.ViewerView;

/**
 * The main window's content: menu bar, one tab per workspace, status bar. Accepts dropped
 * .wav and .scene.json files. Talks only to its {@link MainViewModel}.
 */
public final class MainView extends BorderPane {
    private static final FileChooser.ExtensionFilter SUPPORTED =
            new FileChooser.ExtensionFilter("Scenes and audio (*.scene.json, *.wav)", "*.scene.json", "*.wav");
    private static final FileChooser.ExtensionFilter AUDIO = new FileChooser.ExtensionFilter("WAV audio (*.wav)", "*.wav");
    private static final FileChooser.ExtensionFilter CHECKPOINT =
            new FileChooser.ExtensionFilter("Encoder checkpoint (model.json)", "model.json");
    private static final FileChooser.ExtensionFilter LALM =
            new FileChooser.ExtensionFilter("LALM checkpoint, a lalm-*/ folder (model.json)", "model.json");
    private static final FileChooser.ExtensionFilter MARKDOWN = new FileChooser.ExtensionFilter("Markdown (*.md)", "*.md");
    private static final FileChooser.ExtensionFilter SCENES = new FileChooser.ExtensionFilter("Scenes (*.scene.json)", "*.scene.json");
    private static final String SCENE_SUFFIX = ".scene.json";

    private final MainViewModel model;
    private final FileDialogs dialogs;
    private final Runnable quit;
    private final TabPane tabs = new TabPane();
    private final Menu recentMenu = new Menu("Open recent");
    private final SceneWorkspace scene;

    public MainView(MainViewModel model, SceneWorkspace scene, FileDialogs dialogs, Runnable quit) {
        this.model = model;
        this.scene = scene;
        this.dialogs = dialogs;
        this.quit = quit;
        setId("main-view");
        setTop(new javafx.scene.layout.VBox(menuBar(), recoveryBanner()));
        setCenter(workspaces());
        setBottom(new StatusBarView(model));
        setOnDragOver(this::dragOver);
        setOnDragDropped(this::dropped);
    }

    /** The Scene workspace's offer of a crashed session's scene, shown whichever workspace is open. */
    private javafx.scene.Node recoveryBanner() {
        javafx.scene.layout.HBox banner = scene.view().recoveryBannerNode();
        banner.lookupAll("#recovery-restore").forEach(b -> b.addEventHandler(javafx.event.ActionEvent.ACTION,
                e -> model.workspaceProperty().set(Workspace.SCENE)));
        return banner;
    }

    private TabPane workspaces() {
        tabs.setId("workspaces");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (Workspace w : Workspace.values()) {
            Tab tab = new Tab(w.title(), switch (w) {
                case SCENE -> scene.view();
                case VIEW -> new ViewerView(model.viewer());
                case CHAT -> new ChatView(model.chat(), name -> dialogs.chooseToSave(getScene().getWindow(),
                        "Export the chat as Markdown", name, MARKDOWN));
                case TRAINING -> TrainingWorkspaces.create(model, dialogs);
            });
            tab.setId("tab-" + w.id());
            tab.setUserData(w);
            tabs.getTabs().add(tab);
        }
        tabs.getSelectionModel().select(model.workspaceProperty().get().ordinal());
        tabs.getSelectionModel().selectedIndexProperty().addListener(
                (o, a, b) -> model.workspaceProperty().set(Workspace.values()[b.intValue()]));
        model.workspaceProperty().addListener((o, a, b) -> tabs.getSelectionModel().select(b.ordinal()));
        return tabs;
    }

    private MenuBar menuBar() {
        MenuBar bar = new MenuBar(fileMenu(), editMenu(), sceneMenu(), viewMenu(), helpMenu());
        bar.setId("menu-bar");
        return bar;
    }

    private Menu fileMenu() {
        Menu file = new Menu("File");
        file.setId("menu-file");
        MenuItem newScene = item("menu-new-scene", KeyBinding.NEW_SCENE, () -> {
            if (resolveUnsavedScene()) {
                scene.newDocument();
                model.workspaceProperty().set(Workspace.SCENE);
            }
        });
        MenuItem open = item("menu-open", KeyBinding.OPEN, () -> openChosen("Open scene or audio", SUPPORTED, AUDIO));
        recentMenu.setId("menu-recent");
        model.recentFiles().addListener((ListChangeListener<String>) c -> rebuildRecent());
        rebuildRecent();
        MenuItem save = item("menu-save", KeyBinding.SAVE, () -> {
            if (!scene.save()) {
                saveSceneAs();
            }
        });
        MenuItem saveAs = item("menu-save-as", KeyBinding.SAVE_AS, this::saveSceneAs);
        MenuItem importAudio = item("menu-import-audio", KeyBinding.IMPORT_AUDIO, () -> openChosen("Import audio", AUDIO));
        Menu export = exportMenu();
        MenuItem loadEncoder = item("menu-load-encoder", KeyBinding.LOAD_ENCODER, () -> dialogs
                .chooseToOpen(getScene().getWindow(), "Load encoder checkpoint (its model.json)", CHECKPOINT)
                .forEach(f -> model.loadEncoder(f.toAbsolutePath().getParent())));
        MenuItem loadLalm = item("menu-load-lalm", KeyBinding.LOAD_LALM, () -> dialogs
                .chooseToOpen(getScene().getWindow(), "Load LALM checkpoint (its model.json)", LALM)
                .forEach(f -> {
                    model.chat().loadModel(f.toAbsolutePath().getParent());
                    model.workspaceProperty().set(Workspace.CHAT);
                }));
        MenuItem quitItem = item("menu-quit", KeyBinding.QUIT, quit);
        file.getItems().addAll(newScene, open, recentMenu, new SeparatorMenuItem(), save, saveAs,
                new SeparatorMenuItem(), importAudio, export, new SeparatorMenuItem(), loadEncoder, loadLalm,
                new SeparatorMenuItem(), quitItem);
        return file;
    }

    private void rebuildRecent() {
        recentMenu.getItems().setAll(model.recentFiles().stream().map(f -> {
            MenuItem item = new MenuItem(f);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> openIfAllowed(Path.of(f)));
            return item;
        }).toList());
        recentMenu.setDisable(model.recentFiles().isEmpty());
    }

    private Menu editMenu() {
        Menu edit = new Menu("Edit");
        edit.setId("menu-edit");
        MenuItem undo = item("menu-undo", KeyBinding.UNDO, scene::undo);
        MenuItem redo = item("menu-redo", KeyBinding.REDO, scene::redo);
        undo.disableProperty().bind(scene.undoableProperty().not());
        redo.disableProperty().bind(scene.redoableProperty().not());
        undo.textProperty().bind(Bindings.concat(KeyBinding.UNDO.action(), " ", scene.undoLabelProperty()));
        redo.textProperty().bind(Bindings.concat(KeyBinding.REDO.action(), " ", scene.redoLabelProperty()));
        // in a text field these keys edit the text, not the scene
        MenuItem copy = item("menu-copy", KeyBinding.COPY, () -> inTextOr(TextInputControl::copy, scene::copy));
        MenuItem paste = item("menu-paste", KeyBinding.PASTE, () -> inTextOr(TextInputControl::paste, scene::paste));
        MenuItem delete = item("menu-delete", KeyBinding.DELETE, () -> inTextOr(TextInputControl::deleteNextChar, scene::delete));
        copy.disableProperty().bind(Bindings.not(scene.canCopyProperty()));
        paste.disableProperty().bind(Bindings.not(scene.canPasteProperty()));
        delete.disableProperty().bind(Bindings.not(scene.canCopyProperty()));
        edit.getItems().addAll(undo, redo, new SeparatorMenuItem(), copy, paste, delete);
        return edit;
    }

    private void inTextOr(java.util.function.Consumer<TextInputControl> textAction, Runnable sceneAction) {
        if (getScene().getFocusOwner() instanceof TextInputControl text) {
            textAction.accept(text);
        } else {
            sceneAction.run();
        }
    }

    private Menu sceneMenu() {
        Menu menu = new Menu("Scene");
        menu.setId("menu-scene");
        menu.getItems().addAll(
                item("menu-render", KeyBinding.RENDER_SCENE, scene.render()::render),
                item("menu-random-scene", KeyBinding.RANDOM_SCENE, scene.editor()::randomScene),
                item("menu-reset-3d", KeyBinding.RESET_3D_VIEW, scene.view().room3d()::resetView));
        MenuItem ask = item("menu-ask-about-scene", KeyBinding.ASK_ABOUT_SCENE, scene.render()::ask);
        ask.disableProperty().bind(scene.render().askerProperty().isNull());
        menu.getItems().add(2, ask);
        return menu;
    }

    private Menu exportMenu() {
        Menu export = new Menu("Export");
        export.setId("menu-export");
        for (DocumentEditor.ExportTarget t : scene.exportTargets()) {
            MenuItem item = new MenuItem(t.title());
            item.setId("menu-export-" + t.id());
            item.setOnAction(e -> exportTo(t));
            export.getItems().add(item);
        }
        export.getItems().getFirst().setAccelerator(KeyBinding.EXPORT.combination());
        export.setOnShowing(e -> export.getItems().forEach(i -> i.setDisable(!scene.canExport(i.getId().substring("menu-export-".length())))));
        return export;
    }

    private void exportTo(DocumentEditor.ExportTarget target) {
        String stem = scene.suggestedFileName().replaceFirst("(?i)\\.scene\\.json$", "");
        String name = target.folder() ? stem + "-item" : stem + "." + target.extension();
        FileChooser.ExtensionFilter[] filters = target.folder() ? new FileChooser.ExtensionFilter[0]
                : new FileChooser.ExtensionFilter[] {new FileChooser.ExtensionFilter(target.title(), "*." + target.extension())};
        dialogs.chooseToSave(getScene().getWindow(), "Export " + target.title().replace("...", ""), name, filters)
                .ifPresent(f -> scene.export(target.id(), f));
    }

    /** @return true when the scene was saved (false when the user cancelled the dialog or saving failed) */
    private boolean saveSceneAs() {
        return dialogs.chooseToSave(getScene().getWindow(), "Save scene as", scene.suggestedFileName(), SCENES).map(f -> {
            String name = f.getFileName().toString();
            scene.saveAs(name.endsWith(SCENE_SUFFIX) ? f : f.resolveSibling(name.replaceFirst("\\.json$", "") + SCENE_SUFFIX));
            return !scene.dirtyProperty().get();
        }).orElse(false);
    }

    /**
     * Before the scene is replaced or the app quits: true when the scene has no unsaved changes,
     * or the user saved them, or chose to discard them; false when the user cancelled.
     */
    boolean resolveUnsavedScene() {
        return switch (UnsavedSceneGuard.ask(getScene().getWindow(), scene.suggestedFileName(), scene.dirtyProperty().get())) {
            case SAVE -> scene.save() ? !scene.dirtyProperty().get() : saveSceneAs();
            case DISCARD -> {
                scene.discardUnsaved();
                yield true;
            }
            case CANCEL -> false;
        };
    }

    /** Opens a file, first asking before a scene replaces unsaved changes. */
    private void openIfAllowed(Path file) {
        if (DocumentKind.of(file) != DocumentKind.SCENE || resolveUnsavedScene()) {
            model.open(file);
        }
    }

    private Menu viewMenu() {
        Menu view = new Menu("View");
        view.setId("menu-view");
        ToggleGroup group = new ToggleGroup();
        RadioMenuItem light = new RadioMenuItem("Light theme");
        light.setId("menu-theme-light");
        RadioMenuItem dark = new RadioMenuItem("Dark theme");
        dark.setId("menu-theme-dark");
        light.setToggleGroup(group);
        dark.setToggleGroup(group);
        light.setSelected(model.themeProperty().get() == Theme.LIGHT);
        dark.setSelected(model.themeProperty().get() == Theme.DARK);
        light.setOnAction(e -> model.themeProperty().set(Theme.LIGHT));
        dark.setOnAction(e -> model.themeProperty().set(Theme.DARK));
        model.themeProperty().addListener((o, a, b) -> (b == Theme.LIGHT ? light : dark).setSelected(true));
        MenuItem toggle = item("menu-theme-toggle", KeyBinding.TOGGLE_THEME, model::toggleTheme);
        view.getItems().addAll(light, dark, toggle, new SeparatorMenuItem());
        for (Workspace w : Workspace.values()) {
            view.getItems().add(item("menu-workspace-" + w.id(), w.binding(), () -> model.workspaceProperty().set(w)));
        }
        return view;
    }

    private Menu helpMenu() {
        Menu help = new Menu("Help");
        help.setId("menu-help");
        MenuItem shortcuts = item("menu-shortcuts", KeyBinding.SHORTCUTS, () -> ShortcutsDialog.create(getScene().getWindow()).show());
        MenuItem about = new MenuItem("About NotMono");
        about.setId("menu-about");
        about.setOnAction(e -> AboutDialog.create(getScene().getWindow(), model.tasks()).show());
        help.getItems().addAll(shortcuts, about);
        return help;
    }

    private static MenuItem item(String id, KeyBinding binding, Runnable action) {
        MenuItem item = new MenuItem(binding.action());
        item.setId(id);
        item.setAccelerator(binding.combination());
        item.setOnAction(e -> action.run());
        return item;
    }

    private void openChosen(String title, FileChooser.ExtensionFilter... filters) {
        dialogs.chooseToOpen(getScene().getWindow(), title, filters).forEach(this::openIfAllowed);
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().stream().map(File::toPath).anyMatch(MainViewModel::canOpen)) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
        files.stream().map(File::toPath).forEach(this::openIfAllowed);
        e.setDropCompleted(!files.isEmpty());
        e.consume();
    }
}
