package org.notmono.sim.editor;

import javafx.geometry.Point3D;
import javafx.scene.AmbientLight;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.PerspectiveCamera;
import javafx.scene.PointLight;
import javafx.scene.SceneAntialiasing;
import javafx.scene.SubScene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.Cylinder;
import javafx.scene.shape.Sphere;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.transform.Rotate;
import javafx.scene.transform.Translate;
import javafx.geometry.Pos;

import org.notmono.sim.room.Point3;
import org.notmono.sim.room.Shoebox;
import org.notmono.sim.scene.Scene;

/**
 * The room in 3D: wireframe walls, a 1 m floor grid, the receiver with its front direction and
 * the sources as coloured, labelled spheres. Click the receiver or a source to select it, drag to
 * orbit, right-drag (or shift-drag) to pan, scroll to zoom; Reset puts the camera back. Room metres map to JavaFX units with z up
 * (JavaFX y points down): (x, y, z) -> (x, -z, y), which keeps the axes right-handed.
 */
public final class Room3DView extends StackPane {
    private static final double UNITS_PER_METRE = 100;
    private static final double DEFAULT_YAW = -30;
    /** Positive: the far side of the room rises on screen, so the camera looks down on the floor. */
    private static final double DEFAULT_PITCH = 30;

    private final SceneEditorViewModel model;
    private final Group world = new Group();
    private final Group content = new Group();
    private final Rotate yaw = new Rotate(DEFAULT_YAW, Rotate.Y_AXIS);
    private final Rotate pitch = new Rotate(DEFAULT_PITCH, Rotate.X_AXIS);
    private final Translate pan = new Translate();
    private final Translate centre = new Translate();
    private final PerspectiveCamera camera = new PerspectiveCamera(true);
    private final SubScene subScene;
    private double lastX;
    private double lastY;
    private PlotPalette palette = PlotPalette.LIGHT;

    public Room3DView(SceneEditorViewModel model) {
        this.model = model;
        setId("room-3d");
        content.setId("room3d-content");
        world.getChildren().addAll(content, new AmbientLight(Color.gray(0.55)), light());
        // orbit about the room's centre: pan, then pitch, then yaw, then move the centre to the origin
        world.getTransforms().addAll(pan, pitch, yaw, centre);
        camera.setNearClip(1);
        camera.setFarClip(20000);
        // the pane is often narrower than tall: fit the width
        camera.setVerticalFieldOfView(false);
        camera.setFieldOfView(45);
        subScene = new SubScene(world, 400, 300, true, SceneAntialiasing.BALANCED);
        subScene.setId("room3d-subscene");
        subScene.setCamera(camera);
        Pane holder = new Pane(subScene);
        holder.setMinSize(100, 100);
        PlotPalette.follow(holder, p -> {
            palette = p;
            subScene.setFill(p.background());
            rebuild();
        });
        subScene.widthProperty().bind(holder.widthProperty());
        subScene.heightProperty().bind(holder.heightProperty());
        Button reset = new Button("Reset view");
        reset.setId("room3d-reset");
        reset.setOnAction(e -> resetView());
        Label hint = new Label("3D: click to select, drag to orbit, right-drag to pan, scroll to zoom");
        hint.getStyleClass().add("plan-title");
        hint.setWrapText(true); // a narrow 3D pane shows all of it on two lines
        hint.setMouseTransparent(true); // drags and clicks on the room under it still reach the 3D view
        StackPane.setAlignment(reset, Pos.TOP_RIGHT);
        StackPane.setAlignment(hint, Pos.BOTTOM_LEFT);
        getChildren().addAll(holder, hint, reset);
        subScene.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            lastX = e.getSceneX();
            lastY = e.getSceneY();
        });
        subScene.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::orbitOrPan);
        subScene.addEventHandler(ScrollEvent.SCROLL, e -> zoom(e.getDeltaY()));
        model.sceneProperty().addListener((o, a, b) -> {
            if (!a.room().size().equals(b.room().size())) {
                frameRoom(); // a new room (preset, random scene, typed size) would otherwise be too far or cut off
            }
            rebuild();
        });
        model.selectionProperty().addListener((o, a, b) -> rebuild());
        rebuild();
        resetView();
    }

    private static PointLight light() {
        PointLight l = new PointLight(Color.gray(0.6));
        l.getTransforms().add(new Translate(-500, -1500, -800));
        return l;
    }

    /** Camera back to the default angle and a distance that shows the whole room. */
    public void resetView() {
        yaw.setAngle(DEFAULT_YAW);
        pitch.setAngle(DEFAULT_PITCH);
        frameRoom();
    }

    /** Centres the room and moves the camera to a distance that shows all of it, keeping the angle. */
    private void frameRoom() {
        pan.setX(0);
        pan.setY(0);
        Shoebox room = model.scene().room().size();
        double diagonal = Math.sqrt(room.lx() * room.lx() + room.ly() * room.ly() + room.lz() * room.lz());
        camera.setTranslateZ(-1.3 * diagonal * UNITS_PER_METRE);
    }

    private void orbitOrPan(MouseEvent e) {
        double dx = e.getSceneX() - lastX, dy = e.getSceneY() - lastY;
        lastX = e.getSceneX();
        lastY = e.getSceneY();
        if (e.getButton() == MouseButton.SECONDARY || e.isShiftDown()) {
            double f = -camera.getTranslateZ() / 800;
            pan.setX(pan.getX() + dx * f);
            pan.setY(pan.getY() + dy * f);
        } else {
            yaw.setAngle(yaw.getAngle() - dx * 0.4);
            pitch.setAngle(Math.clamp(pitch.getAngle() + dy * 0.4, -89.0, 89.0));
        }
    }

    private void zoom(double delta) {
        double z = camera.getTranslateZ() * Math.pow(1.002, -delta);
        camera.setTranslateZ(Math.clamp(z, -15000.0, -50.0));
    }

    /** Room metres to JavaFX units. */
    static Point3D toFx(Point3 p) {
        return new Point3D(p.x() * UNITS_PER_METRE, -p.z() * UNITS_PER_METRE, p.y() * UNITS_PER_METRE);
    }

    private void rebuild() {
        Scene s = model.scene();
        Shoebox room = s.room().size();
        Point3D mid = toFx(new Point3(room.lx() / 2, room.ly() / 2, room.lz() / 2));
        centre.setX(-mid.getX());
        centre.setY(-mid.getY());
        centre.setZ(-mid.getZ());
        Group edges = new Group();
        edges.setId("room3d-edges");
        double[][] corners = new double[8][];
        for (int i = 0; i < 8; i++) {
            corners[i] = new double[] {(i & 1) * room.lx(), (i >> 1 & 1) * room.ly(), (i >> 2 & 1) * room.lz()};
        }
        for (int a = 0; a < 8; a++) {
            for (int b = a + 1; b < 8; b++) {
                if (Integer.bitCount(a ^ b) == 1) {
                    edges.getChildren().add(bar(point(corners[a]), point(corners[b]), 1.5, palette.strong()));
                }
            }
        }
        Group grid = new Group();
        grid.setId("room3d-grid");
        for (int m = 1; m < room.lx(); m++) {
            grid.getChildren().add(bar(new Point3(m, 0, 0), new Point3(m, room.ly(), 0), 0.6, palette.grid()));
        }
        for (int m = 1; m < room.ly(); m++) {
            grid.getChildren().add(bar(new Point3(0, m, 0), new Point3(room.lx(), m, 0), 0.6, palette.grid()));
        }
        content.getChildren().setAll(edges, grid, receiver(s.receiver()));
        for (int i = 0; i < s.sources().size(); i++) {
            content.getChildren().add(source(s.sources().get(i), SourceColors.of(i)));
        }
    }

    private static Point3 point(double[] c) {
        return new Point3(c[0], c[1], c[2]);
    }

    private Node receiver(Scene.Receiver r) {
        Group g = new Group();
        g.setId("room3d-receiver");
        boolean selected = model.selectionProperty().get().equals(Selection.RECEIVER);
        Sphere head = sphere(r.position(), 9, selected ? Color.web("#2a6fdb") : SourceColors.RECEIVER);
        double[] m = r.orientation().matrix();
        Point3 front = new Point3(r.position().x() + 0.8 * m[0], r.position().y() + 0.8 * m[3], r.position().z() + 0.8 * m[6]);
        Node arrow = bar(r.position(), front, 4, Color.web("#c0392b"));
        arrow.setId("room3d-receiver-front");
        g.getChildren().addAll(head, arrow, label("receiver", r.position(), SourceColors.RECEIVER));
        selectsOnClick(g, Selection.RECEIVER);
        return g;
    }

    private Node source(Scene.Source src, Color color) {
        Group g = new Group();
        g.setId("room3d-source-" + src.id());
        boolean selected = model.selectionProperty().get().equals(Selection.source(src.id()));
        Point3 at = src.pathPoints().getFirst();
        g.getChildren().add(sphere(at, selected ? 18 : 14, color));
        for (int k = 1; k < src.pathPoints().size(); k++) {
            g.getChildren().add(bar(src.pathPoints().get(k - 1), src.pathPoints().get(k), 1.5, color));
        }
        // a drop line to the floor shows the height
        g.getChildren().add(bar(at, new Point3(at.x(), at.y(), 0), 0.6, color.darker()));
        g.getChildren().add(label(src.id() + (src.classId() == null ? "" : " " + src.classId()), at, palette.readable(color)));
        selectsOnClick(g, Selection.source(src.id()));
        return g;
    }

    /** A click on {@code item}'s marker, path or label selects it; a drag that starts there still orbits. */
    private void selectsOnClick(Node item, Selection selection) {
        item.setCursor(Cursor.HAND);
        item.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                model.selectionProperty().set(selection);
                e.consume();
            }
        });
    }

    private static Sphere sphere(Point3 p, double radius, Color color) {
        Sphere s = new Sphere(radius);
        s.setMaterial(new PhongMaterial(color));
        Point3D f = toFx(p);
        s.setTranslateX(f.getX());
        s.setTranslateY(f.getY());
        s.setTranslateZ(f.getZ());
        return s;
    }

    /** A text label floating above a point (in 3D, so it moves with the room). */
    private Text label(String text, Point3 p, Color color) {
        Text t = new Text(text);
        t.setFont(Font.font(30));
        t.setFill(color);
        Point3D f = toFx(p);
        t.setTranslateX(f.getX() + 14);
        t.setTranslateY(f.getY() - 14);
        t.setTranslateZ(f.getZ());
        // turn the text towards the camera's default side
        t.getTransforms().add(new Rotate(-yaw.getAngle(), Rotate.Y_AXIS));
        return t;
    }

    /** A thin bar between two room points: a cylinder turned from the JavaFX y axis onto the segment. */
    private static Node bar(Point3 a, Point3 b, double radius, Color color) {
        Point3D fa = toFx(a), fb = toFx(b);
        Point3D diff = fb.subtract(fa);
        Point3D mid = fa.midpoint(fb);
        Cylinder c = new Cylinder(radius, Math.max(diff.magnitude(), 0.01));
        c.setMaterial(new PhongMaterial(color));
        Point3D axis = Rotate.Y_AXIS.crossProduct(diff);
        double angle = Math.toDegrees(Math.acos(Math.clamp(diff.normalize().dotProduct(Rotate.Y_AXIS), -1.0, 1.0)));
        c.getTransforms().add(new Translate(mid.getX(), mid.getY(), mid.getZ()));
        if (axis.magnitude() > 1e-9) {
            c.getTransforms().add(new Rotate(angle, axis));
        }
        return c;
    }

    /** The room's 3D nodes (queries do not enter the SubScene, so tests start here). */
    public Group content() {
        return content;
    }

    /** The colours in use (from the theme). */
    public PlotPalette palette() {
        return palette;
    }

    /** The 3D pane's background. */
    public Color background() {
        return (Color) subScene.getFill();
    }

    /** Camera distance, for tests of zoom and reset. */
    public double cameraDistance() {
        return -camera.getTranslateZ();
    }
}
