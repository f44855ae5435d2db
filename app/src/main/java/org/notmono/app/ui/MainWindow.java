package org.notmono.app.ui;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.notmono.app.settings.AppSettings;
import org.notmono.app.settings.SettingsStore;
import org.notmono.fx.task.TaskService;
import org.notmono.sim.editor.SceneWorkspace;

/**
 * Puts the main view in a stage: restores the remembered geometry and theme (for every window
 * the app opens), saves them on close, and guards quitting with unsaved changes or while tasks run.
 */
public final class MainWindow {
    private final Stage stage;
    private final MainViewModel model;
    private final MainView view;
    private final SceneWorkspace scene;
    private final Runnable onClosed;
    private final ChatServices chat;

    /**
     * @param onClosed what to do once the window has closed (exit the app; a test may reopen)
     */
    public MainWindow(Stage stage, TaskService tasks, SettingsStore store, FileDialogs dialogs, Runnable onClosed) {
        this(stage, tasks, store, dialogs, onClosed, ChatServices.builtIn());
    }

    /** @param chat the chat's model loader and question source (tests give scripted ones) */
    public MainWindow(Stage stage, TaskService tasks, SettingsStore store, FileDialogs dialogs, Runnable onClosed, ChatServices chat) {
        this.stage = stage;
        this.onClosed = onClosed;
        this.chat = chat;
        this.model = new MainViewModel(tasks, store);
        this.scene = SceneWorkspaces.create(model, tasks, store.file().toAbsolutePath().getParent().resolve("scene-recovery.json"));
        ChatWorkspaces.create(model, scene, tasks, store.file().toAbsolutePath().getParent(), chat);
        this.view = new MainView(model, scene, dialogs, this::requestQuit);
        AppSettings s = model.settings();
        Scene scene = new Scene(view, s.windowWidth, s.windowHeight);
        stage.setScene(scene);
        ThemedWindows.follow(stage, model.themeProperty());
        stage.titleProperty().bind(Bindings.concat("NotMono - ", this.scene.editor().document().titleProperty()));
        placeOnScreen(s);
        stage.setOnCloseRequest(e -> {
            e.consume();
            requestQuit();
        });
    }

    private void placeOnScreen(AppSettings s) {
        boolean visible = !Double.isNaN(s.windowX) && !Screen.getScreensForRectangle(
                new Rectangle2D(s.windowX, s.windowY, Math.max(1, s.windowWidth), Math.max(1, s.windowHeight))).isEmpty();
        if (visible) {
            stage.setX(s.windowX);
            stage.setY(s.windowY);
        }
        stage.setMaximized(s.maximized);
    }

    public MainViewModel model() {
        return model;
    }

    public MainView view() {
        return view;
    }

    public SceneWorkspace sceneWorkspace() {
        return scene;
    }

    /** Loads the models that ship in the assets in the background: the spatial encoder and, once one ships, the LALM. */
    public void loadShippedModels() {
        model.loadEncoder(null);
        model.chat().loadShipped(chat.shipped());
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
    }

    /** Quits unless the user cancels saving the unsaved scene, or tasks run and the user says to keep working. */
    public void requestQuit() {
        if (!view.resolveUnsavedScene() || !QuitGuard.confirm(stage, model.tasks())) {
            return;
        }
        close();
    }

    /** Saves the window's state and closes it without asking. */
    public void close() {
        model.rememberWindow(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
        model.persist();
        stage.hide();
        onClosed.run();
    }

    /** Exits the JavaFX application. */
    public static void exitApplication() {
        Platform.exit();
    }
}
