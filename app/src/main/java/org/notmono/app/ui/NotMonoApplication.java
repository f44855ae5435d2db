package org.notmono.app.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.stage.Stage;

import org.notmono.app.settings.SettingsStore;
import org.notmono.fx.task.TaskService;

/** The JavaFX application: one main window, opened with the files and workspace asked for. */
public class NotMonoApplication extends Application {
    private static final Logger LOG = Logger.getLogger(NotMonoApplication.class.getName());
    /** Set by the launcher before {@link Application#launch}; JavaFX constructs this class itself. */
    private static volatile GuiRequest request = GuiRequest.interactive(java.util.List.of());
    private static volatile int exitCode;

    public static void setRequest(GuiRequest r) {
        request = r;
    }

    /** 0, or 1 when a snapshot could not be written. */
    public static int exitCode() {
        return exitCode;
    }

    /** Opening a file shows its own workspace; a workspace asked for on the command line wins once the files are open. */
    private static void showOnceOpened(TaskService tasks, MainWindow window, Workspace workspace) {
        BooleanBinding busy = tasks.busy();
        window.stage().getProperties().put(NotMonoApplication.class, busy); // bindings listen weakly: keep it reachable
        busy.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (!now) {
                    busy.removeListener(this);
                    // later: the last task's own success handler (which shows its workspace) runs first
                    Platform.runLater(() -> window.model().workspaceProperty().set(workspace));
                }
            }
        });
    }

    /** Snapshots start from the defaults and leave the user's settings (theme, recent files) alone. */
    private static SettingsStore settingsFor(GuiRequest r) {
        if (!r.isSnapshot()) {
            return SettingsStore.standard();
        }
        try {
            Path dir = Files.createTempDirectory("notmono-snapshot");
            dir.toFile().deleteOnExit();
            return new SettingsStore(dir.resolve("settings.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void start(Stage stage) {
        GuiRequest r = request;
        TaskService tasks = TaskService.forApplication();
        MainWindow window = new MainWindow(stage, tasks, settingsFor(r), FileDialogs.system(), MainWindow::exitApplication);
        if (r.workspace() != null) {
            window.model().workspaceProperty().set(r.workspace());
        }
        if (r.theme() != null) {
            window.model().themeProperty().set(Theme.fromId(r.theme()));
        }
        window.show();
        window.loadShippedModels();
        if (r.lalm() != null) {
            window.model().chat().loadModel(r.lalm());
        }
        r.files().forEach(window.model()::open);
        if (r.workspace() != null && !r.files().isEmpty()) {
            showOnceOpened(tasks, window, r.workspace());
        }
        if (r.isSnapshot()) {
            Snapshotter.whenIdle(stage.getScene(), tasks, r.snapshot(), error -> {
                if (error != null) {
                    LOG.log(Level.SEVERE, "snapshot failed", error);
                    System.err.println("notmono: cannot write snapshot " + r.snapshot() + ": " + error.getMessage());
                    exitCode = 1;
                }
                tasks.failures().forEach(f -> System.err.println("notmono: " + f.title() + " failed: " + f.message()));
                Platform.exit();
            });
        }
    }
}
