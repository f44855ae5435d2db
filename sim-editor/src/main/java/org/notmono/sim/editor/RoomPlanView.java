package org.notmono.sim.editor;

import java.util.List;

import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

import org.notmono.sim.room.Point3;
import org.notmono.sim.room.Shoebox;
import org.notmono.sim.scene.Scene;

/**
 * A 2D plan of the room (top or side) in which the receiver and the sources are dragged with
 * the mouse. The room is drawn to fit, x to the right, y (top) or z (side) upwards, with a 1 m
 * grid; why a drag was refused or clamped shows under the plan.
 */
public final class RoomPlanView extends Region {
    private static final double MARGIN = 28;
    private static final double MARKER_RADIUS = 8;
    private static final double PICK_RADIUS = 14;

    private final SceneEditorViewModel model;
    private final PlanAxes axes;
    private final Pane canvas = new Pane();
    private final Group drawing = new Group();
    private final Label title = new Label();
    private final Label message = new Label();
    private double scale = 1;
    private double originX;
    private double originY;
    private double laidOutWidth;
    private double laidOutHeight;

    public RoomPlanView(SceneEditorViewModel model, PlanAxes axes) {
        this.model = model;
        this.axes = axes;
        String id = axes.name().toLowerCase(java.util.Locale.ROOT);
        setId("plan-" + id);
        getStyleClass().add("room-plan");
        canvas.setId("plan-" + id + "-canvas");
        canvas.getChildren().add(drawing);
        // the drawing is rebuilt while dragging: the pane, not the shapes, takes the mouse
        drawing.setMouseTransparent(true);
        canvas.setPickOnBounds(true);
        title.setMouseTransparent(true);
        message.setMouseTransparent(true);
        title.setText(axes.title() + ": x right, " + axes.verticalName() + " up, 1 m grid");
        title.getStyleClass().add("plan-title");
        message.setId("plan-" + id + "-message");
        message.getStyleClass().add("placement-message");
        message.textProperty().bind(model.placementMessageProperty());
        model.placementRefusedProperty().addListener((o, a, b) -> message.setTextFill(b ? Color.web("#c0392b") : Color.web("#a66a00")));
        getChildren().addAll(canvas, title, message);
        setMinSize(160, 120);
        setPrefSize(420, 300);
        model.sceneProperty().addListener((o, a, b) -> redraw());
        model.selectionProperty().addListener((o, a, b) -> redraw());
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> model.endDrag());
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth(), h = getHeight();
        title.resizeRelocate(6, 2, w - 12, 18);
        message.resizeRelocate(6, h - 20, w - 12, 18);
        canvas.resizeRelocate(0, 0, w, h);
        if (w != laidOutWidth || h != laidOutHeight) {
            laidOutWidth = w;
            laidOutHeight = h;
            redraw();
        }
    }

    /** Where a room point is drawn, in this view's coordinates. */
    public Point2D toView(Point3 p) {
        return new Point2D(originX + axes.horizontal(p) * scale, originY - axes.vertical(p) * scale);
    }

    private void fit(Shoebox room) {
        double w = Math.max(1, getWidth() - 2 * MARGIN), h = Math.max(1, getHeight() - 2 * MARGIN);
        scale = Math.min(w / axes.width(room), h / axes.height(room));
        originX = (getWidth() - axes.width(room) * scale) / 2;
        originY = (getHeight() + axes.height(room) * scale) / 2;
    }

    private void redraw() {
        Scene s = model.scene();
        Shoebox room = s.room().size();
        fit(room);
        drawing.getChildren().clear();
        Rectangle walls = new Rectangle(originX, originY - axes.height(room) * scale, axes.width(room) * scale, axes.height(room) * scale);
        walls.setFill(Color.web("#f7f7f2"));
        walls.setStroke(model.selectionProperty().get().kind() == Selection.Kind.ROOM ? Color.web("#2a6fdb") : Color.web("#555555"));
        walls.setStrokeWidth(2);
        drawing.getChildren().add(walls);
        drawGrid(room);
        for (int i = 0; i < s.sources().size(); i++) {
            drawSource(s.sources().get(i), SourceColors.of(i));
        }
        drawReceiver(s.receiver());
        drawLabels(s);
    }

    /**
     * Source labels placed around their markers without covering a marker or another label
     * (in the side view sources at one x and height coincide); one with no free spot is left
     * out, the scene tree names it.
     */
    private void drawLabels(Scene s) {
        LabelPlacer placer = new LabelPlacer(getWidth(), getHeight() - 20); // above the message line
        placer.reserve(new LabelPlacer.Box(0, 0, getWidth(), 20)); // the title
        placer.reserve(toView(s.receiver().position()).getX(), toView(s.receiver().position()).getY(), MARKER_RADIUS);
        for (Scene.Source src : s.sources()) {
            Point2D at = toView(src.pathPoints().getFirst());
            placer.reserve(at.getX(), at.getY(), MARKER_RADIUS);
        }
        for (Scene.Source src : s.sources()) {
            Point2D at = toView(src.pathPoints().getFirst());
            Text label = new Text(src.id() + (src.classId() == null ? "" : " " + src.classId()));
            label.setTextOrigin(VPos.TOP);
            LabelPlacer.Box box = placer.place(at.getX(), at.getY(), label.getLayoutBounds().getWidth(),
                    label.getLayoutBounds().getHeight(), MARKER_RADIUS + 2);
            if (box != null) {
                label.setId(getId() + "-label-" + src.id());
                label.setX(box.x());
                label.setY(box.y());
                label.setMouseTransparent(true);
                drawing.getChildren().add(label);
            }
        }
    }

    private void drawGrid(Shoebox room) {
        for (int m = 1; m < axes.width(room); m++) {
            drawing.getChildren().add(gridLine(originX + m * scale, originY, originX + m * scale, originY - axes.height(room) * scale));
        }
        for (int m = 1; m < axes.height(room); m++) {
            drawing.getChildren().add(gridLine(originX, originY - m * scale, originX + axes.width(room) * scale, originY - m * scale));
        }
        drawMetres(room);
    }

    /** Metre ticks along the bottom and the left wall (every 1, 2 or 5 m, as the plan's scale allows). */
    private void drawMetres(Shoebox room) {
        int step = scale >= 24 ? 1 : scale >= 10 ? 2 : 5;
        for (int m = 0; m <= axes.width(room) + 1e-9; m += step) {
            Text t = metre(m, m + step > axes.width(room));
            t.setTextOrigin(VPos.TOP);
            t.setX(originX + m * scale - t.getLayoutBounds().getWidth() / 2);
            t.setY(originY + 3);
            drawing.getChildren().add(t);
        }
        for (int m = 0; m <= axes.height(room) + 1e-9; m += step) {
            Text t = metre(m, m + step > axes.height(room));
            t.setTextOrigin(VPos.CENTER);
            t.setX(originX - 4 - t.getLayoutBounds().getWidth());
            t.setY(originY - m * scale);
            drawing.getChildren().add(t);
        }
    }

    private static Text metre(int m, boolean last) {
        Text t = new Text(last ? m + " m" : Integer.toString(m));
        t.setFill(SourceColors.RECEIVER);
        t.getStyleClass().add("plan-metres");
        t.setMouseTransparent(true);
        return t;
    }

    private static Line gridLine(double x1, double y1, double x2, double y2) {
        Line l = new Line(x1, y1, x2, y2);
        l.setStroke(Color.web("#dcdcd4"));
        l.getStyleClass().add("plan-grid");
        return l;
    }

    private void drawSource(Scene.Source src, Color color) {
        List<Point3> path = src.pathPoints();
        if (path.size() > 1) {
            Polyline line = new Polyline();
            path.forEach(p -> line.getPoints().addAll(toView(p).getX(), toView(p).getY()));
            line.setStroke(color);
            line.getStrokeDashArray().addAll(6.0, 4.0);
            drawing.getChildren().add(line);
        }
        Point2D at = toView(path.getFirst());
        Circle c = new Circle(at.getX(), at.getY(), MARKER_RADIUS, color);
        c.setId(getId() + "-source-" + src.id());
        c.setStroke(isSelected(Selection.source(src.id())) ? Color.web("#2a6fdb") : Color.web("#333333"));
        c.setStrokeWidth(isSelected(Selection.source(src.id())) ? 3 : 1);
        drawing.getChildren().add(c);
    }

    private void drawReceiver(Scene.Receiver r) {
        Point2D at = toView(r.position());
        // the front direction, projected into this plan
        double[] m = r.orientation().matrix();
        Point3 front = new Point3(r.position().x() + 0.6 * m[0], r.position().y() + 0.6 * m[3], r.position().z() + 0.6 * m[6]);
        Point2D tip = toView(front);
        Line arrow = new Line(at.getX(), at.getY(), tip.getX(), tip.getY());
        arrow.setId(getId() + "-receiver-front");
        arrow.setStrokeWidth(3);
        arrow.setStroke(SourceColors.RECEIVER);
        Circle c = new Circle(at.getX(), at.getY(), MARKER_RADIUS, Color.WHITE);
        c.setId(getId() + "-receiver");
        c.setStroke(isSelected(Selection.RECEIVER) ? Color.web("#2a6fdb") : SourceColors.RECEIVER);
        c.setStrokeWidth(3);
        drawing.getChildren().addAll(arrow, c);
    }

    private boolean isSelected(Selection s) {
        return s.equals(model.selectionProperty().get());
    }

    /** The receiver or source nearest to a view point within the pick radius; the room otherwise. */
    private Selection pick(double x, double y) {
        Scene s = model.scene();
        Selection best = Selection.ROOM;
        double bestDistance = PICK_RADIUS;
        if (toView(s.receiver().position()).distance(x, y) <= bestDistance) {
            best = Selection.RECEIVER;
            bestDistance = toView(s.receiver().position()).distance(x, y);
        }
        for (Scene.Source src : s.sources()) {
            double d = toView(src.pathPoints().getFirst()).distance(x, y);
            if (d <= bestDistance) {
                best = Selection.source(src.id());
                bestDistance = d;
            }
        }
        return best;
    }

    private void pressed(MouseEvent e) {
        Selection target = pick(e.getX(), e.getY());
        model.selectionProperty().set(target);
        model.beginDrag(target);
        e.consume();
    }

    private void dragged(MouseEvent e) {
        if (!model.isDragging()) {
            return;
        }
        Scene s = model.scene();
        Selection sel = model.selectionProperty().get();
        Point3 current = sel.isSource() ? SceneEdits.source(s, sel.sourceId()).pathPoints().getFirst() : s.receiver().position();
        double h = (e.getX() - originX) / scale, v = (originY - e.getY()) / scale;
        model.dragTo(axes.with(current, h, v));
        e.consume();
    }
}
