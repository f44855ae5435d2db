package org.notmono.sim.room;

/** A point or vector in room coordinates, metres (x along length, y along width, z up). */
public record Point3(double x, double y, double z) {

    public Point3 minus(Point3 o) {
        return new Point3(x - o.x, y - o.y, z - o.z);
    }

    public double norm() {
        return Math.sqrt(x * x + y * y + z * z);
    }

    public double distanceTo(Point3 o) {
        return minus(o).norm();
    }

    /** Linear interpolation: this at {@code f = 0}, {@code o} at {@code f = 1}. */
    public Point3 lerp(Point3 o, double f) {
        return new Point3(x + (o.x - x) * f, y + (o.y - y) * f, z + (o.z - z) * f);
    }

    public double[] toArray() {
        return new double[] {x, y, z};
    }
}
