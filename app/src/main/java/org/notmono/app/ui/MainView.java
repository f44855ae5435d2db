package org.notmono.app.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import javafx.collections.ListChangeListener;
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

import org.notmono.viewer.ui.ViewerView;

/**
 * The main window's content: menu bar, one tab per workspace, status bar. Accepts dropped
 * .wav and .scene.json files. Talks only to its {@link MainViewModel}.
 */
public final class MainView extends BorderPane {
    private static final FileChooser.ExtensionFilter SUPPORTED =
            new FileChooser.ExtensionFilter("Scenes and audio (*.scene.json, *.wav)", "*.scene.json", "*.wav");
    private static final FileChooser.ExtensionFilter AUDIO = new FileChooser.ExtensionFilter("WAV audio (*.wav)", "*.wav");

    private final MainViewModel model;
    private final FileDialogs dialogs;
    private final Runnable quit;
    private final TabPane tabs = new TabPane();
    private final Menu recentMenu = new Menu("Open recent");

    public MainView(MainViewModel model, FileDialogs dialogs, Runnable quit) {
        this.model = model;
        this.dialogs = dialogs;
        this.quit = quit;
        setId("main-view");
        setTop(menuBar());
        setCenter(workspaces());
        setBottom(new StatusBarView(model));
        setOnDragOver(this::dragOver);
        setOnDragDropped(this::dropped);
    }

    private TabPane workspaces() {
        tabs.setId("workspaces");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (Workspace w : Workspace.values()) {
            Tab tab = new Tab(w.title(), w == Workspace.VIEW ? new ViewerView(model.viewer()) : new WorkspacePlaceholder(w));
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
        MenuBar bar = new MenuBar(fileMenu(), editMenu(), viewMenu(), helpMenu());
        bar.setId("menu-bar");
        return bar;
    }

    private Menu fileMenu() {
        Menu file = new Menu("File");
        file.setId("menu-file");
        MenuItem newScene = item("menu-new-scene", KeyBinding.NEW_SCENE, () -> model.workspaceProperty().set(Workspace.SCENE));
        MenuItem open = item("menu-open", KeyBinding.OPEN, () -> openChosen("Open scene or audio", SUPPORTED, AUDIO));
        recentMenu.setId("menu-recent");
        model.recentFiles().addListener((ListChangeListener<String>) c -> rebuildRecent());
        rebuildRecent();
        MenuItem save = item("menu-save", KeyBinding.SAVE, () -> { });
        MenuItem saveAs = item("menu-save-as", KeyBinding.SAVE_AS, () -> { });
        MenuItem importAudio = item("menu-import-audio", KeyBinding.IMPORT_AUDIO, () -> openChosen("Import audio", AUDIO));
        MenuItem export = item("menu-export", KeyBinding.EXPORT, () -> { });
        // nothing to save or export until the scene editor and viewer provide documents
        save.setDisable(true);
        saveAs.setDisable(true);
        export.setDisable(true);
        MenuItem quitItem = item("menu-quit", KeyBinding.QUIT, quit);
        file.getItems().addAll(newScene, open, recentMenu, new SeparatorMenuItem(), save, saveAs,
                new SeparatorMenuItem(), importAudio, export, new SeparatorMenuItem(), quitItem);
        return file;
    }

    private void rebuildRecent() {
        recentMenu.getItems().setAll(model.recentFiles().stream().map(f -> {
            MenuItem item = new MenuItem(f);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> model.open(Path.of(f)));
            return item;
        }).toList());
        recentMenu.setDisable(model.recentFiles().isEmpty());
    }

    private Menu editMenu() {
        Menu edit = new Menu("Edit");
        edit.setId("menu-edit");
        MenuItem undo = item("menu-undo", KeyBinding.UNDO, () -> { });
        MenuItem redo = item("menu-redo", KeyBinding.REDO, () -> { });
        // the scene editor brings the undo history
        undo.setDisable(true);
        redo.setDisable(true);
        edit.getItems().addAll(undo, redo);
        return edit;
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
            view.getItems().add(item("menu-workspace-" + w.id(), KeyBinding.forWorkspace(w), () -> model.workspaceProperty().set(w)));
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
        dialogs.chooseToOpen(getScene().getWindow(), title, filters).forEach(model::open);
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().stream().map(File::toPath).anyMatch(MainViewModel::canOpen)) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
        files.stream().map(File::toPath).forEach(model::open);
        e.setDropCompleted(!files.isEmpty());
        e.consume();
    }
}
