package org.notmono.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.SubScene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.app.settings.SettingsStore;
import org.notmono.app.ui.MainWindow;
import org.notmono.audio.SampleEncoding;
import org.notmono.fx.task.TaskService;
import org.notmono.model.encoder.Encoder;
import org.notmono.model.encoder.ShippedCheckpoint;
import org.notmono.sim.random.RandomSceneGenerator;
import org.notmono.sim.render.ClipLoader;
import org.notmono.sim.render.RenderOutput;
import org.notmono.sim.render.RenderedScene;
import org.notmono.sim.render.RtsdBuilder;
import org.notmono.sim.render.SceneRenderer;
import org.notmono.sim.scene.Scene;
import org.notmono.sim.scene.Slot;
import org.notmono.sim.scene.SlotPrediction;
import org.notmono.sim.sources.ClipLibraries;
import org.notmono.task.TaskContext;
import org.notmono.viewer.session.ViewerDocument;
import org.notmono.viewer.ui.ViewerViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A researcher loads the shipped encoder checkpoint from the File menu, opens a rendered
 * scene and finds the encoder's slots on the sphere and in the slot list, switches to the DSP
 * localizer's and back, and scrubs the sphere's time slider.
 */
@ExtendWith(ApplicationExtension.class)
class EncoderSlotsJourneyTest {
    private static final String ENCODER = "Spatial encoder (tiny)";
    @TempDir
    static Path dir;
    private static Path wav;
    private static Path checkpoint;

    private MainWindow window;

    private final ScriptedFileDialogs dialogs = new ScriptedFileDialogs();

    @BeforeAll
    static void renderAHeldOutScene() throws Exception {
        var library = ClipLibraries.standard();
        Scene scene = new RandomSceneGenerator(library, 4.0).generate(100000, 3);
        ClipLoader clips = new ClipLoader(library, dir);
        RenderedScene rendered = new SceneRenderer(clips).render(scene, TaskContext.none());
        wav = dir.resolve("scene.wav");
        RenderOutput.write(wav, rendered, new RtsdBuilder(clips).build("journey", 100000L, 3L, scene, rendered),
                scene.sampleRate(), SampleEncoding.FLOAT_32);
        checkpoint = ShippedCheckpoint.extract().orElseThrow();
    }

    @Start
    void start(Stage stage) {
        SettingsStore store = new SettingsStore(dir.resolve("home-" + System.nanoTime()).resolve("settings.json"));
        window = new MainWindow(stage, TaskService.forApplication(), store, dialogs, () -> { });
        window.show();
    }

    @Test
    void theSphereShowsTheEncodersSlotsOnceACheckpointIsLoaded(FxRobot robot) throws Exception {
        ViewerViewModel viewer = window.model().viewer();
        dialogs.willPick(checkpoint.resolve("model.json"));
        robot.press(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> viewer.predictorProperty().get() != null);
        assertEquals(ENCODER, viewer.predictorProperty().get().name());

        robot.interact(() -> window.model().open(wav));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> viewer.predictionsProperty().get().containsKey(ENCODER));
        WaitForAsyncUtils.waitForFxEvents();
        ViewerDocument d = viewer.documentProperty().get();

        SlotPrediction expected;
        try (Encoder encoder = Encoder.load(checkpoint)) {
            expected = encoder.predict(d.audio());
        }
        assertEquals(ENCODER, viewer.shownSlotSourceProperty().get(), "the encoder's slots are shown once they arrive");
        assertSameSlots(expected.slots(), viewer.shownSlots()); // the views show what the encoder predicts for the clip

        ComboBox<String> source = robot.lookup("#slot-source").queryComboBox();
        assertEquals(List.of(ViewerDocument.DSP_LOCALIZER, ENCODER), source.getItems());
        assertEquals(ENCODER, source.getValue());
        ListView<String> list = robot.lookup("#slot-list").queryListView();
        Slot first = expected.slots().getFirst();
        assertTrue(list.getItems().getFirst().contains(first.classId()), list.getItems().toString());
        assertTrue(list.getItems().getLast().contains("estimated count " + expected.count()), list.getItems().toString());

        TabPane tabs = robot.lookup("#direction-tabs").query();
        robot.interact(() -> tabs.getSelectionModel().select(1));
        Group sphere = (Group) robot.lookup("#sphere").<javafx.scene.layout.Pane>query().getChildrenUnmodifiable().stream()
                .filter(SubScene.class::isInstance).map(n -> ((SubScene) n).getRoot()).findFirst().orElseThrow();
        List<String> legendNames = robot.lookup("#sphere-legend").<javafx.scene.layout.VBox>query().getChildren().stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).toList();
        for (int i = 0; i < expected.slots().size(); i++) {
            Slot s = expected.slots().get(i);
            Node marker = sphere.lookup("#slot-" + i);
            assertNotNull(marker, "a marker per slot");
            double[] at = (double[]) marker.getUserData();
            assertEquals(s.azimuth(), at[0], 1e-3);
            assertEquals(s.elevation(), at[1], 1e-3);
            // an existing slot is named by its label, or by the legend when its label would have covered another
            Node label = sphere.lookup("#slot-label-" + i);
            if (s.exists()) {
                boolean named = label instanceof Text t && t.getText().startsWith(s.classId())
                        || legendNames.contains(s.classId());
                assertTrue(named, "existing slots are named with their class: " + s + ", legend " + legendNames);
            } else {
                assertNull(label, "a slot that does not exist gets no label: " + s);
            }
        }

        robot.interact(() -> source.setValue(ViewerDocument.DSP_LOCALIZER));
        assertEquals(ViewerDocument.DSP_LOCALIZER, viewer.shownSlotSourceProperty().get());
        assertEquals(d.predictions().get(ViewerDocument.DSP_LOCALIZER).slots(), viewer.shownSlots());
        assertFalse(list.getItems().getFirst().contains(first.classId()), "the DSP localizer names no classes");
        robot.interact(() -> source.setValue(ENCODER));
        assertSameSlots(expected.slots(), viewer.shownSlots());

        Slider time = robot.lookup("#sphere-time").query();
        assertEquals(d.audio().duration(), time.getMax(), 1e-9);
        robot.interact(() -> time.setValue(2.5));
        assertEquals(2.5, viewer.cursorProperty().get(), 1e-9, "the slider moves the cursor");
        assertTrue(viewer.mapAroundCursorProperty().get(), "and the views show that moment");
        assertSameSlots(expected.slotsAt(2.5), viewer.shownSlots());
        robot.interact(() -> viewer.moveCursor(1.0));
        assertEquals(1.0, time.getValue(), 1e-9, "the slider follows the cursor (and playback)");
    }

    /** The same slots up to float rounding: PyTorch may pick other kernels for another model instance. */
    private static void assertSameSlots(List<Slot> expected, List<Slot> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            Slot e = expected.get(i);
            Slot a = actual.get(i);
            assertEquals(e.azimuth(), a.azimuth(), 1e-3, "slot " + i);
            assertEquals(e.elevation(), a.elevation(), 1e-3, "slot " + i);
            assertEquals(e.distance(), a.distance(), 1e-4, "slot " + i);
            assertEquals(e.existence(), a.existence(), 1e-4, "slot " + i);
            assertEquals(e.classId(), a.classId(), "slot " + i);
        }
    }
}
