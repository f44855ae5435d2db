package org.notmono.sim.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import javafx.geometry.Point2D;
import javafx.geometry.Point3D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Sphere;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.fx.task.TaskService;
import org.notmono.sim.room.Point3;
import org.notmono.sim.sources.ClipInfo;
import org.notmono.sim.sources.TestSignalLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The editor's view headless: the clip library, dragging in the plan, the property sheet and the 3D scene graph. */
@ExtendWith(ApplicationExtension.class)
class SceneEditorViewTest {
    @TempDir
    static Path dir;

    private SceneWorkspace workspace;

    @Start
    void start(Stage stage) {
        workspace = new SceneWorkspace(new TaskService(Runnable::run, Runnable::run), new TestSignalLibrary(),
                dir.resolve("recovery-" + System.nanoTime() + ".json"));
        stage.setScene(new javafx.scene.Scene(workspace.view(), 1500, 950));
        stage.show();
    }

    private SceneEditorViewModel model() {
        return workspace.editor();
    }

    private void addFromLibrary(FxRobot robot, String search) {
        robot.clickOn("#clip-search").eraseText(20).write(search);
        ListView<ClipInfo> list = robot.lookup("#clip-list").queryListView();
        robot.interact(() -> list.getSelectionModel().select(0));
        robot.clickOn("#clip-add-source");
    }

    /** A node of the 3D view: TestFX queries do not enter a SubScene, Node.lookup does. */
    private <T extends Node> T find3d(String id) {
        @SuppressWarnings("unchecked")
        T n = (T) workspace.view().room3d().content().lookup("#" + id);
        return n;
    }

    private static Point2D centreOnScreen(Node n) {
        Circle c = (Circle) n;
        return c.localToScreen(c.getCenterX(), c.getCenterY());
    }

    @Test
    void aNewRoomIsFramedThePresetBoxFollowsAndTheTrajectorySaysItsFormat(FxRobot robot) {
        Room3DView view = workspace.view().room3d();
        javafx.scene.control.ComboBox<?> box = robot.lookup("#preset-room").queryComboBox();
        assertEquals(model().roomPresetLabel().get(), box.getButtonCell().getText(), "says what the room is from the start");
        robot.interact(() -> model().applyRoomPreset(RoomPreset.LARGE));
        double large = Math.sqrt(15 * 15 + 15 * 15 + 5 * 5) * 100 * 1.3;
        assertEquals(large, view.cameraDistance(), 1e-6, "framed to the large room");
        robot.interact(() -> model().applyRoomPreset(RoomPreset.SMALL));
        assertEquals(Math.sqrt(4 * 4 + 4 * 4 + 2.75 * 2.75) * 130, view.cameraDistance(), 1e-6, "and back to the small one");
        assertEquals("Small 4 x 4 x 2.75 m", box.getButtonCell().getText());
        robot.interact(() -> {
            model().randomSeedProperty().set("7");
            model().randomScene();
        });
        assertTrue(box.getButtonCell().getText().startsWith("Custom "), box.getButtonCell().getText());
        addFromLibrary(robot, "siren");
        TextField trajectory = robot.lookup("#field-source-trajectory").queryAs(TextField.class);
        assertTrue(trajectory.getText().isEmpty());
        assertTrue(trajectory.getPromptText().contains("e.g. 0: "), trajectory.getPromptText());
    }

    @Test
    void aDarkThemeDarkensThe3dPaneAndLightensItsLines(FxRobot robot) {
        Room3DView view = workspace.view().room3d();
        assertFalse(view.palette().dark());
        assertTrue(view.background().getBrightness() > 0.9);
        // what the dark theme sheet sets on the root
        robot.interact(() -> workspace.view().setStyle("-fx-background: #1f2126;"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.palette().dark());
        assertTrue(view.background().getBrightness() < 0.2, "3D background " + view.background());
        Group edges = find3d("room3d-edges");
        var edge = (javafx.scene.shape.Cylinder) edges.getChildren().getFirst();
        Color edgeColour = ((javafx.scene.paint.PhongMaterial) edge.getMaterial()).getDiffuseColor();
        assertTrue(edgeColour.getBrightness() > 0.6, "room edges read on the dark background: " + edgeColour);
        robot.interact(() -> workspace.view().setStyle(""));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.palette().dark(), "and back");
    }

    @Test
    void selectingASourceDoesNotMoveTheClipLibrary(FxRobot robot) {
        // as the app does: a hint until a source is selected, then charts that would like more room
        robot.interact(() -> {
            workspace.view().setRirPane(new Label("Select a source"));
            workspace.render().rirProperty().addListener((o, a, r) -> {
                javafx.scene.layout.Region charts = new javafx.scene.layout.Region();
                charts.setPrefHeight(600);
                workspace.view().setRirPane(r == null ? new Label("Select a source") : charts);
            });
        });
        addFromLibrary(robot, "siren");
        robot.interact(() -> model().selectionProperty().set(Selection.ROOM));
        WaitForAsyncUtils.waitForFxEvents();
        Node library = robot.lookup("#clip-library").query();
        double before = library.localToScene(0, 0).getY();
        robot.interact(() -> model().selectionProperty().set(Selection.source("s1")));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(workspace.render().rirProperty().get() != null, "the RIR of s1 is shown");
        assertEquals(before, library.localToScene(0, 0).getY(), 0.5);
    }

    @Test
    void sourcesAddedFromTheLibraryAreDraggedAsOneUndoStep(FxRobot robot) {
        addFromLibrary(robot, "siren");
        addFromLibrary(robot, "female");
        assertEquals(2, model().scene().sources().size());
        assertEquals("siren", model().scene().sources().get(0).classId());
        assertEquals("female_speech", model().scene().sources().get(1).classId());
        Point3 before = model().scene().sources().get(0).position();
        Point2D from = centreOnScreen(robot.lookup("#plan-top-source-s1").query());
        robot.drag(from, MouseButton.PRIMARY).moveBy(-20, 0).moveBy(-20, -10).moveBy(-20, -10).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Point3 after = model().scene().sources().get(0).position();
        assertTrue(after.x() < before.x() - 0.3, "dragged left (west): " + after);
        assertTrue(after.y() > before.y(), "and up (north): " + after);
        assertEquals(before.z(), after.z(), 1e-12, "the top view leaves the height alone");
        assertEquals("Move s1", model().history().undoLabelProperty().get());
        robot.interact(model()::undo);
        assertEquals(before, model().scene().sources().get(0).position());
    }

    @Test
    void aDragOutOfTheRoomIsClampedWithTheReasonShown(FxRobot robot) {
        addFromLibrary(robot, "piano");
        Point2D from = centreOnScreen(robot.lookup("#plan-top-source-s1").query());
        robot.drag(from, MouseButton.PRIMARY).moveBy(500, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5.9, model().scene().sources().get(0).position().x(), 1e-5);
        String message = robot.lookup("#plan-top-message").queryAs(Label.class).getText();
        assertTrue(message.contains("east wall"), message);
    }

    @Test
    void anInvalidValueShowsItsMessageNextToTheField(FxRobot robot) {
        TextField length = robot.lookup("#field-room-length").queryAs(TextField.class);
        robot.clickOn(length);
        robot.interact(length::selectAll);
        robot.write("abc").type(KeyCode.ENTER);
        Label message = robot.lookup("#message-room-length").queryAs(Label.class);
        assertEquals("'abc' is not a number of m", message.getText());
        assertTrue(message.isVisible());
        assertEquals(6, model().scene().room().size().lx());
        robot.interact(length::selectAll);
        robot.write("8").type(KeyCode.ENTER);
        assertEquals(8, model().scene().room().size().lx());
        assertFalse(message.isVisible());
        assertEquals("Volume", ((Label) robot.lookup("#scene-readouts").queryAs(javafx.scene.layout.GridPane.class).getChildren().get(0)).getText());
        assertEquals("120.0 m³", robot.lookup("#readout-volume").queryAs(Label.class).getText());
    }

    @Test
    void aFieldsUnitSitsOnTheLineOfItsValue(FxRobot robot) {
        TextField length = robot.lookup("#field-room-length").queryAs(TextField.class);
        Label unit = robot.lookup("#unit-room-length").queryAs(Label.class);
        assertEquals("m", unit.getText());
        double valueLine = length.localToScene(0, length.getBaselineOffset()).getY();
        double unitLine = unit.localToScene(0, unit.getBaselineOffset()).getY();
        assertEquals(valueLine, unitLine, 0.5, "the unit's text baseline against the value's");
    }

    @Test
    void theThreeDSceneGraphHoldsTheRoomReceiverAndSourcesWhereTheyAre(FxRobot robot) {
        addFromLibrary(robot, "violin");
        Group edges = find3d("room3d-edges");
        assertEquals(12, edges.getChildren().size(), "a box has 12 edges");
        Group grid = find3d("room3d-grid");
        assertEquals(5 + 4, grid.getChildren().size(), "1 m grid lines in a 6 x 5 m floor");
        Group source = find3d("room3d-source-s1");
        Sphere marker = (Sphere) source.getChildren().getFirst();
        Point3 p = model().scene().sources().getFirst().position();
        assertEquals(Room3DView.toFx(p), new Point3D(marker.getTranslateX(), marker.getTranslateY(), marker.getTranslateZ()));
        assertEquals(-p.z() * 100, marker.getTranslateY(), 1e-9, "z up is JavaFX -y");
        Node front = find3d("room3d-receiver-front");
        Point3D tip = front.localToParent(0, 1, 0).subtract(front.localToParent(0, 0, 0));
        assertEquals(1.0, tip.normalize().getX(), 1e-6, "the receiver faces +x at yaw 0");
        double distance = workspace.view().room3d().cameraDistance();
        robot.scroll(5, javafx.geometry.VerticalDirection.UP);
        robot.interact(workspace.view().room3d()::resetView);
        assertEquals(distance, workspace.view().room3d().cameraDistance(), 1e-9);
        robot.interact(model()::deleteSelection);
        assertEquals(null, find3d("room3d-source-s1"));
        assertNotEquals(null, find3d("room3d-receiver"));
    }

    @Test
    void aClickOnAMarkerInTheThreeDViewSelectsItButADragDoesNot(FxRobot robot) {
        addFromLibrary(robot, "violin");
        robot.interact(() -> model().selectionProperty().set(Selection.ROOM));
        Sphere head = (Sphere) ((Group) find3d("room3d-receiver")).getChildren().getFirst();
        robot.interact(() -> head.fireEvent(click(head, false)));
        assertEquals(Selection.ROOM, model().selectionProperty().get(), "a drag that ends on the receiver orbits");
        robot.interact(() -> head.fireEvent(click(head, true)));
        assertEquals(Selection.RECEIVER, model().selectionProperty().get());
        assertTrue(model().fields().stream().anyMatch(f -> f.id().equals("receiver.yaw")), "the property sheet edits it");
        Sphere source = (Sphere) ((Group) find3d("room3d-source-s1")).getChildren().getFirst();
        assertEquals(14, source.getRadius(), 1e-9, "not selected: the small marker");
        robot.interact(() -> source.fireEvent(click(source, true)));
        assertEquals(Selection.source("s1"), model().selectionProperty().get());
        Sphere selected = (Sphere) ((Group) find3d("room3d-source-s1")).getChildren().getFirst();
        assertEquals(18, selected.getRadius(), 1e-9, "the selected source's marker grows");
    }

    /** A primary click on {@code target}, as the SubScene's picking delivers it; {@code still}: no drag since the press. */
    private static MouseEvent click(Node target, boolean still) {
        return new MouseEvent(target, target, MouseEvent.MOUSE_CLICKED, 0, 0, 0, 0, MouseButton.PRIMARY, 1,
                false, false, false, false, false, false, false, false, false, still, null);
    }
}
