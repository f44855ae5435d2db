package org.notmono.viewer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.layout.VBox;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.notmono.audio.SampleEncoding;
import org.notmono.audio.Wav;
import org.notmono.fx.task.TaskService;
import org.notmono.sim.scene.Angles;
import org.notmono.sim.scene.RtsdJson;
import org.notmono.sim.scene.metrics.TruthSource;
import org.notmono.viewer.analysis.ColourMap;
import org.notmono.viewer.analysis.DirectionEstimator;
import org.notmono.viewer.analysis.SimulatedScenes;
import org.notmono.viewer.session.SpectrogramSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A researcher opens a rendered scene, changes the spectrogram, moves the cursor, sees the
 * direction map peak at the true source and finds a marker per source and per slot on the sphere.
 */
@ExtendWith(ApplicationExtension.class)
class ViewerJourneyTest {
    private static Path wav;
    private static Path settings;
    private static List<TruthSource> truth;
    private ViewerViewModel model;

    @BeforeAll
    static void renderScene() throws Exception {
        Path dir = Files.createTempDirectory("viewer-journey");
        SimulatedScenes.Rendered scene = SimulatedScenes.render(5, 1, null, 1.5);
        wav = dir.resolve("scene.wav");
        Wav.write(wav, scene.audio(), SampleEncoding.FLOAT_32);
        Files.writeString(RtsdJson.besides(wav), RtsdJson.pretty(scene.truth()));
        truth = TruthSource.of(scene.truth());
        settings = dir.resolve("viewer.properties");
    }

    @Start
    void start(Stage stage) {
        model = new ViewerViewModel(TaskService.forApplication(), settings);
        stage.setScene(new Scene(new ViewerView(model), 1400, 800));
        stage.show();
    }

    /**
     * The receiver's axes sit at front, left and up; the legend names truth and the slot colours;
     * each label, projected through its own transforms to the pane, overlaps no other.
     */
    private void sphereHasAxesLegendAndLabelsThatDoNotOverlap(FxRobot robot, Group sphere) {
        SphereView view = robot.lookup("#sphere").query();
        double[][] axes = {{0, 0}, {90, 0}, {0, 90}};
        String[] ids = {"#sphere-front", "#sphere-left", "#sphere-up"};
        for (int i = 0; i < 3; i++) {
            Group axis = (Group) sphere.lookup(ids[i]);
            var ball = axis.getChildren().get(1).localToParent(0, 0, 0);
            double[] dir = SphereView.toDirection(ball);
            assertTrue(Angles.between(dir[0], dir[1], axes[i][0], axes[i][1]) < 1e-6, ids[i]);
        }
        assertNotNull(sphere.lookup("#sphere-label-front"), "the front is named");
        VBox legend = robot.lookup("#sphere-legend").query();
        List<String> entries = legend.getChildren().stream().map(n -> ((Labeled) n).getText()).toList();
        assertEquals("truth", entries.getFirst());
        assertTrue(entries.size() >= 2, "a colour per slot: " + entries);
        List<javafx.geometry.Rectangle2D> boxes = new java.util.ArrayList<>();
        for (Node n : sphere.lookupAll("Text")) {
            Bounds local = n.getBoundsInLocal();
            // the label's corners through its transforms and the orbit, to the camera's pixels
            var to = n.getLocalToSceneTransform();
            double[] a = view.toPixels(unorbit(sphere, to.transform(local.getMinX(), local.getMinY(), 0)));
            double[] b = view.toPixels(unorbit(sphere, to.transform(local.getMaxX(), local.getMaxY(), 0)));
            boxes.add(new javafx.geometry.Rectangle2D(Math.min(a[0], b[0]), Math.min(a[1], b[1]),
                    Math.abs(b[0] - a[0]) - 0.5, Math.abs(b[1] - a[1]) - 0.5));
        }
        assertTrue(boxes.size() >= 6, boxes.size() + " labels");
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                assertFalse(boxes.get(i).intersects(boxes.get(j)), boxes.get(i) + " overlaps " + boxes.get(j));
            }
        }
    }

    /** A point of the sub-scene back in world coordinates before the orbit ({@link SphereView#toPixels} applies it). */
    private static javafx.geometry.Point3D unorbit(Group world, javafx.geometry.Point3D scenePoint) {
        try {
            return world.getLocalToSceneTransform().inverseTransform(scenePoint);
        } catch (javafx.scene.transform.NonInvertibleTransformException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void openChangeMoveSeeAndOrbit(FxRobot robot) throws Exception {
        robot.interact(() -> model.open(wav));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.documentProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#spectrogram-3").tryQuery().isPresent(), "a spectrogram per FOA channel");

        ComboBox<ColourMap> colours = robot.lookup("#spectrogram-colours").queryComboBox();
        robot.interact(() -> colours.setValue(ColourMap.MAGMA));
        ComboBox<Integer> window = robot.lookup("#spectrogram-window").queryComboBox();
        robot.interact(() -> window.setValue(1024));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> model.documentProperty().get().spectrogram().stft().size() == 1024);
        assertEquals(ColourMap.MAGMA, SpectrogramSettings.load(settings).colours(), "settings persisted");
        assertEquals(1024, SpectrogramSettings.load(settings).windowSize());

        Node spectrogram = robot.lookup("#spectrogram-0").query();
        robot.moveTo(spectrogram).press(MouseButton.PRIMARY).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double cursor = model.cursorProperty().get();
        assertNotEquals(0.0, cursor);
        assertEquals(0.75, cursor, 0.2, "clicking the middle of the pane moves the cursor to the middle of the clip");

        // the headless robot sends no wheel deltas: fire the wheel event a mouse would
        Bounds b = spectrogram.getBoundsInLocal();
        robot.interact(() -> Event.fireEvent(spectrogram, new ScrollEvent(
                ScrollEvent.SCROLL, b.getWidth() / 2, b.getHeight() / 2, 0, 0,
                false, false, false, false, false, false, 0, 120, 0, 0,
                ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
        double span = model.viewEndProperty().get() - model.viewStartProperty().get();
        assertTrue(span < 1.5 * 0.9, "scrolling up zooms in around the mouse, span " + span);
        assertTrue(model.viewStartProperty().get() <= cursor && cursor <= model.viewEndProperty().get());

        Node play = robot.lookup("#transport-play").query();
        double playWidth = play.getBoundsInParent().getWidth();
        robot.interact(() -> model.playingProperty().set(true));
        assertEquals("Pause", robot.lookup("#transport-play").queryButton().getText());
        assertEquals(playWidth, play.getBoundsInParent().getWidth(), 0.01, "Play/Pause keeps its width");
        robot.interact(() -> model.playingProperty().set(false));

        robot.press(KeyCode.HOME).release(KeyCode.HOME);
        assertEquals(0, model.cursorProperty().get(), "Home, in the clicked panes, goes back to the start");
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.playingProperty().get()
                || model.statusProperty().get().startsWith("cannot play sound here"));
        if (model.playingProperty().get()) {
            robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
            assertTrue(!model.playingProperty().get(), "Space again pauses");
        }
        robot.interact(() -> model.moveCursor(cursor));

        robot.interact(() -> model.mapAroundCursorProperty().set(true));
        double[] peak = model.directionMapProperty().get().peak();
        TruthSource source = truth.getFirst();
        assertTrue(Angles.between(peak[0], peak[1], source.azimuth(), source.elevation()) < 3,
                "map peak " + peak[0] + ", " + peak[1] + " vs " + source);

        TabPane tabs = robot.lookup("#direction-tabs").query();
        robot.interact(() -> tabs.getSelectionModel().select(1));
        Group sphere = robot.lookup("#sphere").<SphereView>query().content();
        Group truthMarker = (Group) sphere.lookup("#truth-" + source.id());
        double[] at = (double[]) truthMarker.getUserData();
        assertEquals(source.azimuth(), at[0], 0.01);
        var slots = model.shownSlots(); // following the cursor: the frame at the cursor
        for (int i = 0; i < slots.size(); i++) {
            Group marker = (Group) sphere.lookup("#slot-" + i);
            assertNotNull(marker);
            double[] dir = (double[]) marker.getUserData();
            assertEquals(slots.get(i).azimuth(), dir[0], 1e-9);
            var ball = marker.getChildren().getFirst();
            var p = ball.localToParent(0, 0, 0);
            double[] back = SphereView.toDirection(p);
            assertTrue(Angles.between(back[0], back[1], dir[0], dir[1]) < 1e-6, "marker placed at its direction");
        }
        assertTrue(Angles.between(slots.getFirst().azimuth(), slots.getFirst().elevation(), source.azimuth(),
                source.elevation()) < 0.5);
        sphereHasAxesLegendAndLabelsThatDoNotOverlap(robot, sphere);

        robot.interact(() -> tabs.getSelectionModel().select(2));
        assertTrue(robot.lookup("#direction-track").tryQuery().isPresent());
        ComboBox<DirectionEstimator> estimator = robot.lookup("#map-estimator").queryComboBox();
        robot.interact(() -> estimator.setValue(DirectionEstimator.STEERED_RESPONSE));
        peak = model.directionMapProperty().get().peak();
        assertTrue(Angles.between(peak[0], peak[1], source.azimuth(), source.elevation()) < 10,
                "the steered-response map peaks near the source too: " + peak[0] + ", " + peak[1]);
        robot.interact(() -> tabs.getSelectionModel().select(3));
        assertTrue(robot.lookup("#decay-chart").tryQuery().isPresent(), "the room tab plots the decay");
        RoomView roomView = robot.lookup("#room-view").query();
        assertFalse(roomView.palette().dark());
        robot.interact(() -> roomView.getScene().getRoot().setStyle("-fx-background: #1f2126;"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(roomView.palette().dark(), "the charts follow a dark theme");
        org.jfree.chart.fx.ChartViewer chart = robot.lookup("#decay-chart").query();
        assertTrue(((java.awt.Color) chart.getChart().getBackgroundPaint()).getRed() < 60, "dark chart background");
        String numbers = robot.lookup("#room-numbers").queryLabeled().getText();
        assertTrue(numbers.contains("T30") && numbers.contains("Eyring"), numbers);
    }
}
