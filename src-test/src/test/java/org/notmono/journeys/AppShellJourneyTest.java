package org.notmono.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.app.settings.SettingsStore;
import org.notmono.app.ui.MainWindow;
import org.notmono.app.ui.Theme;
import org.notmono.app.ui.Workspace;
import org.notmono.audio.AudioClip;
import org.notmono.audio.SampleEncoding;
import org.notmono.audio.Wav;
import org.notmono.fx.task.TaskService;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;


/**
 * A user's first minutes with the shell, headless: switch workspaces, open a WAV from the File
 * menu and by dropping it, see its format, fail on a bad file and dismiss the failure, toggle the
 * theme, quit with a task running, and find the preferences again after a restart.
 */
@ExtendWith(ApplicationExtension.class)
class AppShellJourneyTest {
    @TempDir
    static Path dir;

    private final TaskService tasks = TaskService.forApplication();
    private SettingsStore store;
    private MainWindow window;
    private int closed;

    private final ScriptedFileDialogs dialogs = new ScriptedFileDialogs();

    @Start
    void start(Stage stage) {
        store = new SettingsStore(dir.resolve("home-" + System.nanoTime()).resolve("settings.json"));
        window = new MainWindow(stage, tasks, store, dialogs, () -> closed++);
        window.show();
    }

    private static Path wav(String name, int channels, int rate) throws IOException {
        Path f = dir.resolve(name);
        float[][] x = new float[channels][rate];
        for (int i = 0; i < rate; i++) {
            x[0][i] = (float) (0.25 * Math.sin(i * 0.1));
        }
        Wav.write(f, new AudioClip(rate, x), SampleEncoding.PCM_16);
        return f;
    }

    private String status(FxRobot robot) {
        return robot.lookup("#status-message").queryAs(Label.class).getText();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }

    private Workspace selectedTab(FxRobot robot) {
        return (Workspace) robot.lookup("#workspaces").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getUserData();
    }

    @Test
    void workspacesSwitchByTabAndByShortcut(FxRobot robot) {
        robot.clickOn("#tab-chat");
        assertEquals(Workspace.CHAT, window.model().workspaceProperty().get());
        assertTrue(robot.lookup("#chat-view").query().isVisible());
        robot.clickOn("#tab-training");
        assertEquals(Workspace.TRAINING, selectedTab(robot));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Workspace.VIEW, selectedTab(robot));
        robot.clickOn("#tab-scene");
        assertEquals(Workspace.SCENE, window.model().workspaceProperty().get());
    }

    @Test
    void openingAWavFromTheFileMenuShowsItsFormat(FxRobot robot) throws Exception {
        dialogs.willPick(wav("menu.wav", 4, 16000));
        robot.clickOn("File").clickOn("Open...");
        waitUntil(() -> status(robot).startsWith("menu.wav: 4 ch, 16000 Hz, 16-bit PCM, 1.000 s"));
        // the status is set first in the same FX callback that switches the tab
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Workspace.VIEW, selectedTab(robot));
    }

    @Test
    void droppingAWavOpensIt(FxRobot robot) throws Exception {
        Path f = wav("dropped.wav", 2, 24000);
        Node target = robot.lookup("#main-view").query();
        robot.interact(() -> {
            Dragboard board = FilesDragboard.of(List.of(f.toFile()));
            DragEvent over = new DragEvent(DragEvent.DRAG_OVER, board, 100, 100, 100, 100, TransferMode.COPY, null, null, null);
            Event.fireEvent(target, over);
            assertTrue(over.isAccepted(), "a .wav is accepted while dragged over the window");
            Event.fireEvent(target, new DragEvent(DragEvent.DRAG_DROPPED, board, 100, 100, 100, 100, TransferMode.COPY, null, null, null));
        });
        waitUntil(() -> status(robot).startsWith("dropped.wav: 2 ch, 24000 Hz"));
    }

    @Test
    void aBadFileFailsVisiblyUntilDismissed(FxRobot robot) throws Exception {
        Path bad = dir.resolve("bad.wav");
        Files.writeString(bad, "RIFF but not really");
        dialogs.willPick(bad);
        robot.clickOn("File").clickOn("Import audio...");
        waitUntil(() -> robot.lookup(".failure").tryQuery().isPresent());
        Label text = robot.lookup(".failure .label").queryAs(Label.class);
        assertTrue(text.getText().contains("bad.wav"), text.getText());
        assertTrue(window.model().recentFiles().isEmpty(), "a file that failed to open is not recent");
        robot.clickOn(".failure-dismiss");
        waitUntil(() -> robot.lookup(".failure").tryQuery().isEmpty());
    }

    @Test
    void themeToggleRecentFilesAndGeometryPersistAcrossARestart(FxRobot robot) throws Exception {
        dialogs.willPick(wav("first.wav", 1, 16000));
        robot.clickOn("File").clickOn("Open...");
        waitUntil(() -> status(robot).startsWith("first.wav"));

        robot.clickOn("View").clickOn("Dark theme");
        assertTrue(window.stage().getScene().getStylesheets().getFirst().endsWith("notmono-dark.css"));
        robot.interact(() -> {
            window.stage().setWidth(1111);
            window.stage().setHeight(777);
        });
        robot.clickOn("#tab-training");
        robot.interact(window::close);
        assertEquals(1, closed);
        assertFalse(window.stage().isShowing());

        robot.interact(() -> {
            window = new MainWindow(new Stage(), tasks, store, dialogs, () -> closed++);
            window.show();
        });
        assertEquals(Theme.DARK, window.model().themeProperty().get());
        assertTrue(window.stage().getScene().getStylesheets().getFirst().endsWith("notmono-dark.css"));
        assertEquals(Workspace.TRAINING, window.model().workspaceProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        TextField data = robot.lookup("#stage1-input-data").queryAs(TextField.class);
        Color prompt = (Color) data.lookupAll(".text").stream().filter(n -> n instanceof Text t && t.getText().equals(data.getPromptText()))
                .map(n -> ((Text) n).getFill()).findFirst().orElseThrow();
        Color field = WcagContrast.surface(data.getBackground().getFills().getLast().getFill());
        assertTrue(WcagContrast.ratio(prompt, field) >= 4.5, "a dark field's prompt '" + data.getPromptText() + "' reads (WCAG contrast "
                + WcagContrast.ratio(prompt, field) + ")");
        assertEquals(1111, window.stage().getWidth(), 1);
        assertEquals(777, window.stage().getHeight(), 1);
        robot.clickOn("File").clickOn("Open recent").clickOn(dir.resolve("first.wav").toString());
        waitUntil(() -> status(robot).startsWith("first.wav"));
        robot.interact(window::close);
    }

    @Test
    void quittingWithARunningTaskAsksFirst(FxRobot robot) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        robot.interact(() -> tasks.submit("Long render", ctx -> {
            started.countDown();
            while (true) {
                ctx.checkCancelled();
                Thread.sleep(5);
            }
        }, r -> { }));
        started.await();
        waitUntil(() -> robot.lookup(".task-cancel").tryQuery().isPresent());

        robot.clickOn("File").clickOn("Quit");
        waitUntil(() -> robot.lookup("#quit-guard").tryQuery().isPresent());
        robot.clickOn("Keep working");
        assertTrue(window.stage().isShowing());
        assertEquals(0, closed);

        robot.clickOn("File").clickOn("Quit");
        waitUntil(() -> robot.lookup("#quit-guard").tryQuery().isPresent());
        robot.clickOn("Cancel tasks and quit");
        waitUntil(() -> tasks.running().isEmpty());
        assertEquals(1, closed);
        assertFalse(window.stage().isShowing());
    }

    @Test
    void aTaskCanBeCancelledFromTheStatusBar(FxRobot robot) throws Exception {
        robot.interact(() -> tasks.submit("Endless", ctx -> {
            while (true) {
                ctx.checkCancelled();
                Thread.sleep(5);
            }
        }, r -> { }));
        waitUntil(() -> robot.lookup(".task-cancel").tryQuery().isPresent());
        robot.clickOn(".task-cancel");
        waitUntil(() -> tasks.running().isEmpty());
        assertTrue(tasks.failures().isEmpty(), "cancelling is not a failure");
    }

    @Test
    void helpShowsShortcutsAndAboutWithTheComputeDevice(FxRobot robot) throws Exception {
        robot.press(KeyCode.F1).release(KeyCode.F1);
        waitUntil(() -> robot.lookup("#shortcuts-table").tryQuery().isPresent());
        assertTrue(robot.lookup("Shortcut+Shift+Z").tryQuery().isPresent() || robot.lookup("Ctrl+Shift+Z").tryQuery().isPresent());
        assertTrue(robot.lookup("Play or pause (Listen & View)").tryQuery().isPresent(), "the workspaces' own keys are listed too");
        Window shortcuts = robot.lookup("#shortcuts-table").query().getScene().getWindow();
        assertTrue(shortcuts.getHeight() < 700, "fits a 768-pixel screen: " + shortcuts.getHeight());
        robot.clickOn("Close");

        robot.clickOn("Help").clickOn("About NotMono");
        waitUntil(() -> robot.lookup("#about-device").tryQuery().isPresent());
        Label device = robot.lookup("#about-device").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !device.getText().equals("detecting..."));
        assertTrue(device.getText().startsWith("cpu()") || device.getText().startsWith("gpu("), device.getText());
        assertTrue(device.getText().contains("PyTorch 2.7.1"), device.getText());
        // the facts of 'notmono doctor': on this machine the bundled CPU libtorch and no GPU
        waitUntil(() -> robot.lookup("#about-devices").tryQuery().isPresent());
        assertEquals("cpu()", robot.lookup("#about-devices").queryAs(Label.class).getText());
        String libtorch = robot.lookup("#about-libtorch").queryAs(Label.class).getText();
        assertTrue(libtorch.contains("extracted from the bundled pytorch-native-cpu 2.7.1"), libtorch);
        assertTrue(robot.lookup("25.0.4+2").tryQuery().isPresent(), "the JavaFX version is shown");
        robot.clickOn("Close");
    }

    @Test
    void dialogsWearTheThemeAndFollowItsChanges(FxRobot robot) throws Exception {
        robot.interact(() -> window.model().themeProperty().set(Theme.DARK));
        robot.press(KeyCode.F1).release(KeyCode.F1);
        waitUntil(() -> robot.lookup("#shortcuts-table").tryQuery().isPresent());
        javafx.scene.Scene dialog = robot.lookup("#shortcuts-table").query().getScene();
        assertTrue(dialog.getStylesheets().equals(Theme.DARK.stylesheets()), dialog.getStylesheets().toString());
        robot.interact(() -> window.model().themeProperty().set(Theme.LIGHT));
        assertTrue(dialog.getStylesheets().equals(Theme.LIGHT.stylesheets()), "an open dialog follows the theme");
        robot.clickOn("Close");
    }
}
