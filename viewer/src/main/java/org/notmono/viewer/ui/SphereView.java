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
import javafx.scene.layout.VBox;
import javafx.scene.control.Label;
import javafx.scene.shape.Circle;
import javafx.geometry.Insets;
import javafx.geometry.VPos;

import org.notmono.sim.editor.LabelPlacer;
import org.notmono.sim.scene.Angles;
import org.notmono.sim.scene.Slot;
import org.notmono.sim.scene.metrics.SlotMatch;
import org.notmono.sim.scene.metrics.TruthSource;
import org.notmono.viewer.session.ViewerDocument;

/**
 * The receiver's sphere in 3D: an azimuth/elevation grid of rings every 45 degrees, the ground
 * truth as white markers on stalks whose length grows with distance, and the predicted slots as
 * markers coloured by class (by slot without classes) with opacity and size from existence, each joined to its matched truth by a green
 * line (the angular errors are in the slot list beside). The receiver's front, left and up axes
 * are coloured stalks with names; azimuths are written round the horizon and elevations up the
 * front meridian; a legend names the colours. Labels are placed on the screen so none covers
 * another ({@link LabelPlacer}; the axis names and truths first, grid labels last) and turn to
 * face the viewer after each orbit. Drag to orbit, scroll to zoom. Markers carry their {azimuth,
 * elevation} as user data; ids are {@code truth-ID} and {@code slot-N}.
 */
final class SphereView extends Pane {
    static final double RADIUS = 100;
    /** Pixels between a mark and its label. */
    private static final double LABEL_GAP = 6;
    /** Size when not laid out yet. */
    private static final double DEFAULT_SIZE = 400;
    private static final Color FRONT = Color.LIMEGREEN;
    private static final Color LEFT = Color.web("#f8961e");
    private static final Color UP = Color.web("#4cc9f0");
    private final ViewerViewModel model;
    private final Group world = new Group();
    private final Group markers = new Group();
    private final VBox legend = new VBox(2);
    private final PerspectiveCamera camera = new PerspectiveCamera(true);
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
        camera.setFarClip(5000);
        camera.getTransforms().add(zoom);
        scene = new SubScene(world, 400, 400, true, SceneAntialiasing.BALANCED);
        scene.setFill(Color.web("#15151a"));
        scene.setCamera(camera);
        scene.widthProperty().bind(widthProperty());
        scene.heightProperty().bind(heightProperty());
        legend.setId("sphere-legend");
        legend.setMouseTransparent(true);
        legend.setPadding(new Insets(4, 6, 4, 6));
        legend.setStyle("-fx-background-color: rgba(21, 21, 26, 0.75);");
        legend.relocate(6, 6);
        getChildren().addAll(scene, legend);
        setMinSize(0, 0);
        widthProperty().addListener((o, a, b) -> rebuildMarkers());
        heightProperty().addListener((o, a, b) -> rebuildMarkers());
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
        List<Slot> slots = d == null ? List.of() : model.shownSlots();
        List<TruthSource> truth = d == null ? List.of() : model.shownTruth();
        fillLegend(truth, slots);
        LabelPlacer placer = new LabelPlacer(width(), height());
        legend.applyCss();
        legend.autosize();
        placer.reserve(new LabelPlacer.Box(legend.getLayoutX(), legend.getLayoutY(), legend.getWidth(), legend.getHeight()));
        for (double[] mark : new double[][] {{0, 0}, {90, 0}, {0, 90}}) {
            reserve(placer, mark[0], mark[1]);
        }
        truth.forEach(t -> reserve(placer, t.azimuth(), t.elevation()));
        slots.forEach(s -> reserve(placer, s.azimuth(), s.elevation()));
        label(placer, "front", 0, 0, FRONT, "sphere-label-front");
        label(placer, "left", 90, 0, LEFT, "sphere-label-left");
        label(placer, "up", 0, 90, UP, "sphere-label-up");
        if (d != null) {
            for (TruthSource t : truth) {
                Group g = marker(t.azimuth(), t.elevation(), Color.WHITE, 1, 6, stalk(t.distance()));
                g.setId("truth-" + t.id());
                markers.getChildren().add(g);
            }
            PhongMaterial matchLine = new PhongMaterial(Color.web("#39e6a0"));
            for (SlotMatch m : model.matches()) {
                Cylinder line = line(toScene(m.slot().azimuth(), m.slot().elevation(), RADIUS),
                        toScene(m.truth().azimuth(), m.truth().elevation(), RADIUS), matchLine, 0.8);
                line.setId("match-" + m.truth().id());
                markers.getChildren().add(line);
            }
            for (int i = 0; i < slots.size(); i++) {
                Slot s = slots.get(i);
                // size as well as opacity show existence: software 3D pipelines often ignore node opacity
                Group g = marker(s.azimuth(), s.elevation(), SlotColours.of(s, i), s.existence(), 2 + 4 * s.existence(),
                        s.distance() == null ? 0 : stalk(s.distance()));
                g.setId("slot-" + i);
                markers.getChildren().add(g);
            }
            // labels after every mark, truth first: a label that would cover another is left out (legend and list name all)
            for (TruthSource t : truth) {
                label(placer, String.format(Locale.ROOT, "%s %.1f m", t.classId() == null ? t.id() : t.classId(), t.distance()),
                        t.azimuth(), t.elevation(), Color.WHITE, "truth-label-" + t.id());
            }
            for (int i = 0; i < slots.size(); i++) {
                Slot s = slots.get(i);
                if (s.exists() && !SlotColours.label(s).isEmpty()) {
                    label(placer, SlotColours.label(s), s.azimuth(), s.elevation(), SlotColours.of(s, i), "slot-label-" + i);
                }
            }
        }
        for (int az = -135; az <= 180; az += 45) {
            label(placer, az + "\u00b0", az, 0, Color.gray(0.75), "sphere-azimuth-" + az);
        }
        for (int el = -45; el <= 45; el += 90) {
            label(placer, (el > 0 ? "+" : "") + el + "\u00b0", 0, el, Color.gray(0.75), "sphere-elevation-" + el);
        }
    }

    /** The legend: what the white marks are, and a colour per slot class (per slot without classes). */
    private void fillLegend(List<TruthSource> truth, List<Slot> slots) {
        legend.getChildren().clear();
        if (!truth.isEmpty()) {
            legend.getChildren().add(legendEntry(Color.WHITE, "truth"));
        }
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            String name = s.classId() == null ? "slot " + i : s.classId();
            if (s.exists() && seen.add(name)) {
                legend.getChildren().add(legendEntry(SlotColours.of(s, i), name));
            }
        }
        legend.setVisible(!legend.getChildren().isEmpty());
    }

    private static Label legendEntry(Color colour, String name) {
        Label l = new Label(name, new Circle(4, colour));
        l.setTextFill(Color.gray(0.9));
        l.getStyleClass().add("sphere-legend-entry");
        return l;
    }

    private double width() {
        return getWidth() > 0 ? getWidth() : DEFAULT_SIZE;
    }

    private double height() {
        return getHeight() > 0 ? getHeight() : DEFAULT_SIZE;
    }

    /**
     * Where a point of the world (before the orbit) appears on the pane: {x, y} in pixels and the
     * scene units one pixel spans at its depth.
     */
    double[] toPixels(Point3D world) {
        Point3D v = pitch.transform(yaw.transform(world));
        double depth = v.getZ() - zoom.getZ();
        double f = height() / 2 / Math.tan(Math.toRadians(camera.getFieldOfView() / 2));
        return new double[] {width() / 2 + v.getX() * f / depth, height() / 2 + v.getY() * f / depth, depth / f};
    }

    /** Keeps labels off the mark of a direction. */
    private void reserve(LabelPlacer placer, double azimuth, double elevation) {
        double[] at = toPixels(toScene(azimuth, elevation, RADIUS));
        placer.reserve(at[0], at[1], 5);
    }

    /**
     * A label beside the direction's mark on the sphere, turned to face the camera and placed by
     * {@code placer} in pixels, or none when it finds no free spot.
     */
    private void label(LabelPlacer placer, String text, double azimuth, double elevation, Color colour, String id) {
        Text t = new Text(text);
        t.setFill(colour);
        t.setFont(Font.font(11));
        t.setTextOrigin(VPos.TOP);
        Point3D p = toScene(azimuth, elevation, RADIUS);
        double[] at = toPixels(p);
        double perPixel = at[2];
        // text is sized in scene units; at this depth it spans that many units per pixel
        LabelPlacer.Box box = placer.place(at[0], at[1], t.getLayoutBounds().getWidth() / perPixel,
                t.getLayoutBounds().getHeight() / perPixel, LABEL_GAP);
        if (box == null) {
            return;
        }
        t.setId(id);
        t.setUserData(box);
        t.getTransforms().addAll(new Translate(p.getX(), p.getY(), p.getZ()), new Rotate(-yaw.getAngle(), Rotate.Y_AXIS),
                new Rotate(-pitch.getAngle(), Rotate.X_AXIS),
                new Translate((box.x() - at[0]) * perPixel, (box.y() - at[1]) * perPixel, 0));
        markers.getChildren().add(t);
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
        Sphere head = new Sphere(8);
        head.setMaterial(new PhongMaterial(Color.gray(0.5)));
        g.getChildren().addAll(axis("sphere-front", 0, 0, FRONT), axis("sphere-left", 90, 0, LEFT), axis("sphere-up", 0, 90, UP), head);
        return g;
    }

    /** A receiver axis: a stalk from the head to a ball on the sphere. */
    private static Group axis(String id, double azimuth, double elevation, Color colour) {
        PhongMaterial m = new PhongMaterial(colour);
        Sphere ball = new Sphere(3.5);
        ball.setMaterial(m);
        Point3D p = toScene(azimuth, elevation, RADIUS);
        ball.getTransforms().add(new Translate(p.getX(), p.getY(), p.getZ()));
        Group g = new Group(line(toScene(azimuth, elevation, 8), p, m, 0.7), ball);
        g.setId(id);
        g.setUserData(new double[] {azimuth, elevation});
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
