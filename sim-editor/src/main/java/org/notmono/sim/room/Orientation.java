package org.notmono.sim.room;

/**
 * A receiver's orientation in degrees: intrinsic yaw about +z (towards +y), then pitch about
 * the new +y (positive tilts the front upwards), then roll about the new front axis.
 */
public record Orientation(double yaw, double pitch, double roll) {

    public static final Orientation FRONT = new Orientation(0, 0, 0);

    /**
     * The rotation matrix, row-major, whose columns are the receiver's front, left and up axes in
     * room coordinates: R = Rz(yaw) Ry(-pitch) Rx(roll). Ry is negated because a right-handed
     * turn about +y tilts +x downwards.
     */
    public double[] matrix() {
        double cy = Math.cos(Math.toRadians(yaw)), sy = Math.sin(Math.toRadians(yaw));
        double cp = Math.cos(Math.toRadians(pitch)), sp = Math.sin(Math.toRadians(pitch));
        double cr = Math.cos(Math.toRadians(roll)), sr = Math.sin(Math.toRadians(roll));
        // Rz(yaw) * Ry(-pitch): Ry(-p) = [[cp,0,-sp],[0,1,0],[sp,0,cp]]
        double[] zy = {
            cy * cp, -sy, -cy * sp,
            sy * cp, cy, -sy * sp,
            sp, 0, cp};
        // * Rx(roll) = [[1,0,0],[0,cr,-sr],[0,sr,cr]]
        return new double[] {
            zy[0], zy[1] * cr + zy[2] * sr, -zy[1] * sr + zy[2] * cr,
            zy[3], zy[4] * cr + zy[5] * sr, -zy[4] * sr + zy[5] * cr,
            zy[6], zy[7] * cr + zy[8] * sr, -zy[7] * sr + zy[8] * cr};
    }

    public boolean isIdentity() {
        return yaw == 0 && pitch == 0 && roll == 0;
    }

    /** Direction of a room-frame vector as seen by this receiver. */
    public Direction directionOf(Point3 v) {
        double[] r = matrix();
        double lx = r[0] * v.x() + r[3] * v.y() + r[6] * v.z();
        double ly = r[1] * v.x() + r[4] * v.y() + r[7] * v.z();
        double lz = r[2] * v.x() + r[5] * v.y() + r[8] * v.z();
        return Direction.of(lx, ly, lz);
    }
}
