package org.notmono.sim.editor;

import org.notmono.sim.room.Point3;
import org.notmono.sim.room.Shoebox;

/** Which two room axes a plan view shows: the top view x / y, the side view x / z. */
public enum PlanAxes {
    TOP("Top view", 1, "y"), SIDE("Side view (from the south)", 2, "z");

    private final String title;
    private final int vertical;
    private final String verticalName;

    PlanAxes(String title, int vertical, String verticalName) {
        this.title = title;
        this.vertical = vertical;
        this.verticalName = verticalName;
    }

    public String title() {
        return title;
    }

    /** The axis drawn upwards (1 = y, 2 = z); x is always drawn to the right. */
    public int verticalAxis() {
        return vertical;
    }

    public String verticalName() {
        return verticalName;
    }

    public double width(Shoebox room) {
        return room.lx();
    }

    public double height(Shoebox room) {
        return room.size(vertical);
    }

    public double horizontal(Point3 p) {
        return p.x();
    }

    public double vertical(Point3 p) {
        return p.toArray()[vertical];
    }

    /** {@code p} with its two plan coordinates replaced; the third stays. */
    public Point3 with(Point3 p, double h, double v) {
        return vertical == 1 ? new Point3(h, v, p.z()) : new Point3(h, p.y(), v);
    }
}
