package org.notmono.viewer.ui;

import java.util.List;
import java.util.Locale;

import javafx.scene.Group;
import javafx.scene.PerspectiveCamera;
import javafx.scene.SceneAntialiasing;
import javafx.scene.SubScene;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.Cylinder;
import javafx.scene.shape.Sphere;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.transform.Rotate;
import javafx.scene.transform.Translate;
import javafx.geometry.Point3D;
import javafx.scene.layout.Pane;

import org.notmono.sim.scene.Angles;
import org.notmono.sim.scene.Slot;
import org.notmono.sim.scene.metrics.SlotMatch;
import org.notmono.sim.scene.metrics.TruthSource;
import org.notmono.viewer.session.ViewerDocument;

/**
 * The receiver's sphere in 3D: an azimuth/elevation grid of rings every 45 degrees, the ground
 * truth as white markers on stalks whose length grows with distance, and the predicted slots as
 * markers coloured by class (by slot without classes) with opacity and size from existence, each joined to its matched truth by a green
 * line (the angular errors are in the slot list beside). Drag to orbit, scroll to zoom. Markers carry
 * their {azimuth, elevation} as user data; ids are {@code truth-ID} and {@code slot-N}.
 */
final class SphereView extends Pane {
    static final double RADIUS = 100;
    /** Slot labels sit below truth labels, so a slot next to its truth stays readable. */
    private static final double SLOT_LABEL_DROP = 11;
    private final ViewerViewModel model;
    private final Group world = new Group();
    private final Group markers = new Group();
    private final Rotate yaw = new Rotate(-30, Rotate.Y_AXIS);
    private final Rotate pitch = new Rotate(-20, Rotate.X_AXIS);
    private final Translate zoom = new Translate(0, 0, -460);
    private final SubScene scene;
    private double dragX;
    private double dragY;

    SphereView(ViewerViewModel model) {
        this.model = model;
        setId("sphere");
        world.getChildren().addAll(grid(), markers);
        world.getTransforms().addAll(pitch, yaw);
        PerspectiveCamera camera = new PerspectiveCamera(true);
        camera.setFarClip(5000);
        camera.getTransforms().add(zoom);
        scene = new SubScene(world, 400, 400, true, SceneAntialiasing.BALANCED);
        scene.setFill(Color.web("#15151a"));
        scene.setCamera(camera);
        scene.widthProperty().bind(widthProperty());
        scene.heightProperty().bind(heightProperty());
        getChildren().add(scene);
        setMinSize(0, 0);
        setOnMousePressed(e -> {
            dragX = e.getX();
            dragY = e.getY();
        });
        setOnMouseDragged(e -> {
            yaw.setAngle(yaw.getAngle() + (e.getX() - dragX) * 0.4);
            pitch.setAngle(Math.clamp(pitch.getAngle() - (e.getY() - dragY) * 0.4, -90, 90));
            dragX = e.getX();
            dragY = e.getY();
        });
        setOnMouseReleased(e -> rebuildMarkers()); // labels turn to face the viewer again
        setOnScroll(e -> zoom.setZ(Math.clamp(zoom.getZ() + e.getDeltaY(), -1500, -150)));
        model.documentProperty().addListener((o, a, b) -> rebuildMarkers());
        model.mapAroundCursorProperty().addListener((o, a, b) -> rebuildMarkers());
        model.shownPredictionProperty().addListener((o, a, b) -> rebuildMarkers());
        model.cursorProperty().addListener((o, a, b) -> {
            if (model.mapAroundCursorProperty().get()) {
                rebuildMarkers();
            }
        });
        rebuildMarkers();
    }

    /** The 3D content (inside a sub-scene, where look-ups from the window do not reach). */
    Group content() {
        return world;
    }

    /** Scene coordinates of a receiver-relative direction: x right, y down, z ahead (front = +z). */
    static Point3D toScene(double azimuth, double elevation, double radius) {
        double[] u = Angles.unitVector(azimuth, elevation); // x front, y left, z up
        return new Point3D(-u[1] * radius, -u[2] * radius, u[0] * radius);
    }

    /** The direction of a point in scene coordinates (inverse of {@link #toScene}). */
    static double[] toDirection(Point3D p) {
        return new double[] {Angles.azimuthOf(p.getZ(), -p.getX()), Angles.elevationOf(p.getZ(), -p.getX(), -p.getY())};
    }

    private void rebuildMarkers() {
        markers.getChildren().clear();
        ViewerDocument d = model.documentProperty().get();
        if (d == null) {
            return;
        }
        for (TruthSource t : model.shownTruth()) {
            Group g = marker(t.azimuth(), t.elevation(), Color.WHITE, 1, 6, stalk(t.distance()));
            g.setId("truth-" + t.id());
            g.getChildren().add(label(String.format(Locale.ROOT, "%s %.1f m",
                    t.classId() == null ? t.id() : t.classId(), t.distance()), t.azimuth(), t.elevation(), 0));
            markers.getChildren().add(g);
        }
        PhongMaterial matchLine = new PhongMaterial(Color.web("#39e6a0"));
        for (SlotMatch m : model.matches()) {
            Cylinder line = line(toScene(m.slot().azimuth(), m.slot().elevation(), RADIUS),
                    toScene(m.truth().azimuth(), m.truth().elevation(), RADIUS), matchLine, 0.8);
            line.setId("match-" + m.truth().id());
            markers.getChildren().add(line);
        }
        List<Slot> slots = model.shownSlots();
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            // size as well as opacity show existence: software 3D pipelines often ignore node opacity
            Group g = marker(s.azimuth(), s.elevation(), SlotColours.of(s, i), s.existence(), 2 + 4 * s.existence(),
                    s.distance() == null ? 0 : stalk(s.distance()));
            g.setId("slot-" + i);
            if (s.exists() && !SlotColours.label(s).isEmpty()) {
                Text label = label(SlotColours.label(s), s.azimuth(), s.elevation(), SLOT_LABEL_DROP);
                label.setFill(SlotColours.of(s, i));
                g.getChildren().add(label);
            }
            markers.getChildren().add(g);
        }
    }

    /** A label beside a marker, turned to face the default camera, {@code drop} units lower. */
    private Text label(String text, double azimuth, double elevation, double drop) {
        Text t = new Text(text);
        t.setFill(Color.WHITE);
        t.setFont(Font.font(9));
        Point3D p = toScene(azimuth, elevation, RADIUS + 10);
        t.getTransforms().addAll(new Translate(p.getX(), p.getY(), p.getZ()), new Rotate(-yaw.getAngle(), Rotate.Y_AXIS),
                new Rotate(-pitch.getAngle(), Rotate.X_AXIS), new Translate(0, drop, 0));
        return t;
    }

    /** Stalk length in scene units: 10 per metre, at most 60. */
    private static double stalk(double distance) {
        return Math.min(60, 10 * distance);
    }

    private static Group marker(double azimuth, double elevation, Color colour, double opacity, double size, double stalk) {
        PhongMaterial material = new PhongMaterial(colour);
        Sphere ball = new Sphere(size);
        ball.setMaterial(material);
        ball.setOpacity(Math.max(0.15, opacity));
        Point3D p = toScene(azimuth, elevation, RADIUS);
        ball.getTransforms().add(new Translate(p.getX(), p.getY(), p.getZ()));
        Group g = new Group(ball);
        g.setUserData(new double[] {azimuth, elevation});
        if (stalk > 0) {
            g.getChildren().add(line(p, toScene(azimuth, elevation, RADIUS + stalk), material, 1));
        }
        return g;
    }

    private static Group grid() {
        Group g = new Group();
        PhongMaterial lines = new PhongMaterial(Color.gray(0.6, 0.6));
        for (int el = -45; el <= 45; el += 45) {
            ring(g, el, lines);
        }
        for (int az = -180; az < 180; az += 45) {
            for (int el = -90; el < 90; el += 10) {
                g.getChildren().add(line(toScene(az, el, RADIUS), toScene(az, el + 10, RADIUS), lines, 0.4));
            }
        }
        Sphere front = new Sphere(3);
        front.setMaterial(new PhongMaterial(Color.LIMEGREEN));
        Point3D f = toScene(0, 0, RADIUS);
        front.getTransforms().add(new Translate(f.getX(), f.getY(), f.getZ()));
        Sphere head = new Sphere(8);
        head.setMaterial(new PhongMaterial(Color.gray(0.5)));
        g.getChildren().addAll(front, head);
        return g;
    }

    private static void ring(Group g, int elevation, PhongMaterial m) {
        for (int az = -180; az < 180; az += 10) {
            g.getChildren().add(line(toScene(az, elevation, RADIUS), toScene(az + 10, elevation, RADIUS), m, 0.4));
        }
    }

    /** A thin cylinder from a to b. */
    private static Cylinder line(Point3D a, Point3D b, PhongMaterial material, double radius) {
        Point3D diff = b.subtract(a);
        Point3D mid = a.midpoint(b);
        Cylinder c = new Cylinder(radius, diff.magnitude());
        c.setMaterial(material);
        Point3D axis = diff.crossProduct(Rotate.Y_AXIS);
        double angle = Math.toDegrees(Math.acos(diff.normalize().dotProduct(Rotate.Y_AXIS)));
        c.getTransforms().addAll(new Translate(mid.getX(), mid.getY(), mid.getZ()));
        if (axis.magnitude() > 1e-9) {
            c.getTransforms().add(new Rotate(-angle, axis));
        }
        return c;
    }
}
