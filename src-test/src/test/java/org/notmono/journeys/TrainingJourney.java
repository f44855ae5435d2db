package org.notmono.journeys;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.notmono.app.settings.SettingsStore;
import org.notmono.app.ui.MainWindow;
import org.notmono.fx.task.TaskService;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the Training journeys set up alike: the main window on settings under a test folder, file
 * choosers the test scripts, and, after each test ({@code @RegisterExtension}), no child process left
 * running ({@link TrainingRuns#stopAll}).
 */
final class TrainingJourney implements AfterEachCallback {
    /** The file choosers the window asks; queue the paths the user picks. */
    final ScriptedFileDialogs dialogs = new ScriptedFileDialogs();
    /** The window's tasks, to check that none failed. */
    final TaskService tasks = TaskService.forApplication();
    private MainWindow window;

    /** Opens the main window on {@code stage}, its settings in {@code dir/home/settings.json}; call from {@code @Start}. */
    void start(Stage stage, Path dir) {
        SettingsStore store = new SettingsStore(dir.resolve("home").resolve("settings.json"));
        window = new MainWindow(stage, tasks, store, dialogs, () -> { });
        window.show();
    }

    /** The window {@link #start} opened. */
    MainWindow window() {
        return window;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TrainingRuns.stopAll(window.model().training());
    }

    /** Waits up to {@code seconds} for {@code condition}, then for the FX events it set off. */
    static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
