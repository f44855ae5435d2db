package org.notmono.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.app.settings.SettingsStore;
import org.notmono.app.ui.MainWindow;
import org.notmono.app.ui.Workspace;
import org.notmono.audio.AudioClip;
import org.notmono.audio.Wav;
import org.notmono.fx.task.TaskService;
import org.notmono.sim.editor.SceneEditorViewModel;
import org.notmono.sim.room.Point3;
import org.notmono.sim.scene.Scene;
import org.notmono.sim.scene.SceneJson;
import org.notmono.sim.sources.ClipInfo;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A researcher builds a scene in the Scene workspace, headless: a room from a preset, two sources
 * with clips, a drag in the top view and its undo, a bad value with its message, a render, listening
 * in Listen & View, the FOA export and its RTSD, save, reopen; and, after a crash, the scene back
 * from the autosave.
 */
@ExtendWith(ApplicationExtension.class)
class SceneEditorJourneyTest {
    @TempDir
    static Path dir;

    private final TaskService tasks = TaskService.forApplication();
    private Path home;
    private MainWindow window;

    private final ScriptedFileDialogs dialogs = new ScriptedFileDialogs();

    @Start
    void start(Stage stage) {
        home = dir.resolve("home-" + System.nanoTime());
        window = new MainWindow(stage, tasks, new SettingsStore(home.resolve("settings.json")), dialogs, () -> { });
        window.show();
    }

    private SceneEditorViewModel editor() {
        return window.sceneWorkspace().editor();
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }

    private void addSource(FxRobot robot, String search) {
        robot.clickOn("#clip-search").eraseText(30).write(search);
        ListView<ClipInfo> list = robot.lookup("#clip-list").queryListView();
        robot.interact(() -> list.getSelectionModel().select(0));
        robot.clickOn("#clip-add-source");
    }

    private void menu(FxRobot robot, String... path) {
        for (String item : path) {
            robot.clickOn(item);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Fires a menu item by id, as its accelerator would (a submenu's popup, once shown, confuses lookups by text). */
    private void fire(FxRobot robot, String id) {
        javafx.scene.control.MenuBar bar = robot.lookup("#menu-bar").query();
        robot.interact(() -> bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .flatMap(i -> i instanceof javafx.scene.control.Menu sub ? sub.getItems().stream() : java.util.stream.Stream.of(i))
                .filter(i -> id.equals(i.getId())).findFirst().orElseThrow().fire());
    }

    private static Point2D centre(FxRobot robot, String id) {
        Circle c = robot.lookup(id).queryAs(Circle.class);
        return c.localToScreen(c.getCenterX(), c.getCenterY());
    }

    @Test
    void buildRenderExportSaveAndReopenAScene(FxRobot robot) throws Exception {
        robot.clickOn("#preset-room").clickOn("Small");
        assertEquals(4, editor().scene().room().size().lx());
        robot.clickOn("#preset-reverb").clickOn("Dry");
        assertEquals("dry", editor().readoutsProperty().get().reverb());
        addSource(robot, "siren");
        addSource(robot, "female_speech");
        List<Scene.Source> sources = editor().scene().sources();
        assertEquals(2, sources.size());
        assertTrue(sources.get(0).clip().startsWith("assets:"), sources.get(0).clip());
        assertEquals("female_speech", sources.get(1).classId());

        Point3 placed = editor().scene().sources().get(0).position();
        robot.drag(centre(robot, "#plan-top-source-s1"), MouseButton.PRIMARY).moveBy(-30, -10).moveBy(-30, -20)
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(placed, editor().scene().sources().get(0).position());
        assertTrue(window.stage().getTitle().endsWith("untitled *"), window.stage().getTitle());
        menu(robot, "Edit", "Undo Move s1");
        assertEquals(placed, editor().scene().sources().get(0).position(), "one undo takes the whole drag back");
        menu(robot, "Edit", "Redo Move s1");
        Point3 dragged = editor().scene().sources().get(0).position();
        assertNotEquals(placed, dragged);

        robot.clickOn("#tree-source-s1");
        waitUntil(() -> robot.lookup("#room-numbers").tryQuery()
                .map(n -> ((Label) n).getText().startsWith("Source s1.")).orElse(false));
        assertTrue(robot.lookup("#rir-chart").tryQuery().isPresent(), "the viewer's RIR chart shows the selected source");

        robot.clickOn("#tree-room");
        TextField height = robot.lookup("#field-room-height").queryAs(TextField.class);
        robot.clickOn(height);
        robot.interact(height::selectAll);
        robot.write("0.2").type(KeyCode.ENTER);
        assertEquals("must be at least 0.5 m", robot.lookup("#message-room-height").queryAs(Label.class).getText());
        assertEquals(2.75, editor().scene().room().size().lz());

        menu(robot, "Scene", "Render scene");
        waitUntil(() -> robot.lookup("#render-summary").queryAs(Label.class).getText().startsWith("Rendered 4.00 s at 16000 Hz: 2 source(s) computed"));

        robot.clickOn("#listen");
        waitUntil(() -> window.model().workspaceProperty().get() == Workspace.VIEW
                && robot.lookup("#status-message").queryAs(Label.class).getText().startsWith("scene-listen.wav: 4 ch, 16000 Hz"));
        assertTrue(Files.exists(home.resolve("renders/scene-listen.rtsd.json")), "the viewer gets the ground truth too");
        robot.clickOn("#tab-scene");

        Path wav = dir.resolve("journey.wav");
        dialogs.willPick(wav);
        menu(robot, "File", "Export", "FOA WAV (ambiX)...");
        waitUntil(() -> Files.exists(dir.resolve("journey.rtsd.json")));
        AudioClip audio = Wav.read(wav);
        assertEquals(4, audio.channelCount());
        assertEquals(4 * 16000, audio.frames());
        JsonNode rtsd = new ObjectMapper().readTree(dir.resolve("journey.rtsd.json").toFile());
        Scene s = editor().scene();
        for (int i = 0; i < 2; i++) {
            Point3 rel = s.sources().get(i).position().minus(s.receiver().position());
            JsonNode src = rtsd.path("sources").get(i);
            assertEquals(Math.toDegrees(Math.atan2(rel.y(), rel.x())), src.path("azimuth").asDouble(), 0.01, "azimuth of the layout");
            assertEquals(Math.toDegrees(Math.asin(rel.z() / rel.norm())), src.path("elevation").asDouble(), 0.01);
            assertEquals(rel.norm(), src.path("distance").asDouble(), 0.01);
        }

        Path ears = dir.resolve("journey-binaural.wav");
        dialogs.willPick(ears);
        fire(robot, "menu-export-binaural");
        waitUntil(() -> Files.exists(ears));
        AudioClip binaural = Wav.read(ears);
        assertEquals(2, binaural.channelCount());
        assertEquals(4 * 16000, binaural.frames());

        Path saved = dir.resolve("journey.scene.json");
        dialogs.willPick(saved);
        menu(robot, "File", "Save as...");
        assertEquals("NotMono - journey.scene.json", window.stage().getTitle());
        Scene before = editor().scene();
        menu(robot, "File", "New scene");
        assertEquals(SceneEditorViewModel.NEW_SCENE, editor().scene());
        dialogs.willPick(saved);
        menu(robot, "File", "Open...");
        waitUntil(() -> before.equals(editor().scene()));
        assertEquals(before, SceneJson.read(saved));
        assertTrue(window.model().recentFiles().contains(saved.toAbsolutePath().normalize().toString()));
    }

    @Test
    void aCrashLosesNothing(FxRobot robot) throws Exception {
        addSource(robot, "dog");
        addSource(robot, "piano");
        Scene unsaved = editor().scene();
        assertTrue(Files.exists(home.resolve("scene-recovery.json")), "the autosave is on disk");
        // the app dies: no save, no close. A new session starts on the same home folder.
        robot.interact(() -> {
            window.stage().hide();
            Stage again = new Stage();
            window = new MainWindow(again, tasks, new SettingsStore(home.resolve("settings.json")), dialogs, () -> { });
            window.show();
        });
        javafx.scene.Scene now = window.stage().getScene();
        assertTrue(robot.lookup("#recovery-banner").match(n -> n.getScene() == now).query().isVisible());
        robot.clickOn(robot.lookup("#recovery-restore").match(n -> n.getScene() == now).queryButton());
        assertEquals(unsaved, editor().scene());
        assertTrue(editor().history().dirtyProperty().get());
        assertEquals("NotMono - untitled *", window.stage().getTitle(), "the unsaved marker shows");
    }
}
