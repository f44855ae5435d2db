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
import org.notmono.sim.editor.ReverbPreset;
import org.notmono.sim.editor.RoomPreset;
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
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    @Start
    void start(Stage stage) {
        // a desktop with this app alone: a window another journey (or aCrashLosesNothing's second session) left
        // open would answer the lookups by id and take the clicks
        List.copyOf(javafx.stage.Window.getWindows()).forEach(javafx.stage.Window::hide);
        home = dir.resolve("home-" + System.nanoTime());
        window = new MainWindow(stage, tasks, new SettingsStore(home.resolve("settings.json")), dialogs, () -> closed.set(true));
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
        robot.clickOn("#preset-room").clickOn(RoomPreset.SMALL.toString());
        assertEquals(4, editor().scene().room().size().lx());
        robot.clickOn("#preset-reverb").clickOn(ReverbPreset.DRY.toString());
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
        robot.interact(() -> window.model().workspaceProperty().set(Workspace.VIEW));
        assertTrue(shown(robot.lookup("#recovery-banner").match(n -> n.getScene() == now).query()),
                "the recovery offer shows whichever workspace the app opens on");
        robot.clickOn(robot.lookup("#recovery-restore").match(n -> n.getScene() == now).queryButton());
        assertEquals(unsaved, editor().scene());
        assertTrue(editor().history().dirtyProperty().get());
        assertEquals("NotMono - untitled *", window.stage().getTitle(), "the unsaved marker shows");
    }

    private Point3 position(String id) {
        return editor().scene().sources().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow().position();
    }

    /** Types into a field and presses Enter (focused directly: a field low in the property sheet may be scrolled out of view). */
    private static void type(FxRobot robot, TextField field, String text) {
        robot.interact(() -> {
            field.requestFocus();
            field.selectAll();
        });
        robot.write(text).type(KeyCode.ENTER);
    }

    /** Opens a category of the property sheet (one is open at a time, as in an accordion). */
    private static void openCategory(FxRobot robot, String title) {
        javafx.scene.control.TitledPane pane = robot.lookup(".titled-pane")
                .match(n -> title.equals(((javafx.scene.control.TitledPane) n).getText())).queryAs(javafx.scene.control.TitledPane.class);
        if (!pane.isExpanded()) {
            robot.clickOn(pane.lookup(".title"));
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Shown on screen: visible with every parent visible (a tab's content is hidden while another tab is chosen). */
    private static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null && node.getScene().getWindow().isShowing();
    }

    @Test
    void thePanesShowAndEditTheSelectedSource(FxRobot robot) {
        addSource(robot, "dog");
        addSource(robot, "piano");
        addSource(robot, "siren");
        robot.clickOn("#tree-source-s1");
        robot.clickOn("#tree-source-s3");
        Point3 s1 = position("s1");
        Point3 s3 = position("s3");
        TextField x = robot.lookup("#field-source-x").queryAs(TextField.class);
        assertEquals(String.format(java.util.Locale.ROOT, "%.3f", s3.x()).replaceAll("0+$", "").replaceAll("\\.$", ""), x.getText(),
                "the X field shows s3");
        double wanted = Math.round((s3.x() - 0.3) * 1000) / 1000.0;
        openCategory(robot, "Position");
        type(robot, x, Double.toString(wanted));
        assertEquals(wanted, position("s3").x(), 1e-9, "s3 moved");
        assertEquals(s1, position("s1"), "s1 did not move");
        assertEquals("Undo X of s3", robot.lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class)
                .getMenus().get(1).getItems().getFirst().getText());

        // selecting in the top view changes what the fields edit, too
        robot.clickOn(centre(robot, "#plan-top-source-s2"));
        WaitForAsyncUtils.waitForFxEvents();
        Point3 s2 = position("s2");
        openCategory(robot, "Position");
        TextField y = robot.lookup("#field-source-y").queryAs(TextField.class);
        double wantedY = Math.round((s2.y() + 0.2) * 1000) / 1000.0;
        type(robot, y, Double.toString(wantedY));
        assertEquals(wantedY, position("s2").y(), 1e-9, "s2 moved");
        assertEquals(wanted, position("s3").x(), 1e-9, "s3 stayed");
    }

    @Test
    void undoOfAFieldEditShowsTheOldValueAndStaysUndone(FxRobot robot) {
        robot.clickOn("#tree-room");
        TextField length = robot.lookup("#field-room-length").queryAs(TextField.class);
        type(robot, length, "3");
        assertEquals(3, editor().scene().room().size().lx());
        menu(robot, "Edit", "Undo Length (x) of room");
        assertEquals(6, editor().scene().room().size().lx());
        assertEquals("6", length.getText(), "the field follows the model after undo");
        assertTrue(editor().history().redoableProperty().get());
        robot.clickOn("#tree-room");
        assertFalse(length.isFocused());
        assertEquals(6, editor().scene().room().size().lx(), "leaving the field does not commit the undone value again");
        assertTrue(editor().history().redoableProperty().get(), "Redo is still there");
        menu(robot, "Edit", "Redo Length (x) of room");
        assertEquals("3", length.getText(), "the field follows the model after redo");

        Scene before = editor().scene();
        robot.interact(length::requestFocus);
        robot.type(KeyCode.ENTER);
        assertEquals(before, editor().scene());
        assertFalse(editor().history().redoableProperty().get());
        menu(robot, "Edit", "Undo Length (x) of room");
        assertFalse(editor().history().undoableProperty().get(), "Enter on the unchanged value made no undo step");
    }

    @Test
    void quittingWithAnUnsavedSceneAsksToSave(FxRobot robot) throws Exception {
        addSource(robot, "dog");
        robot.push(KeyCode.CONTROL, KeyCode.Q);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#unsaved-guard").tryQuery().isPresent(), "Ctrl+Q asks about the unsaved scene");
        robot.clickOn("Cancel");
        assertFalse(closed.get(), "Cancel keeps the app open");
        assertTrue(window.stage().isShowing());

        robot.push(KeyCode.CONTROL, KeyCode.Q);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Save");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(closed.get(), "cancelling the Save as dialog keeps the app open");

        Path saved = dir.resolve("quit.scene.json");
        dialogs.willPick(saved);
        robot.push(KeyCode.CONTROL, KeyCode.Q);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Save");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(closed.get(), "the app quits once the scene is saved");
        assertEquals(editor().scene(), SceneJson.read(saved));
        assertFalse(Files.exists(home.resolve("scene-recovery.json")), "nothing is left to recover");
    }
}
