package org.notmono.model.encoder;

/** Unit vectors (x front, y left, z up) to and from DESIGN.md's azimuth and elevation in degrees. */
public final class Directions {
    private Directions() {
    }

    public static double[] toVector(double azimuthDeg, double elevationDeg) {
        double az = Math.toRadians(azimuthDeg);
        double el = Math.toRadians(elevationDeg);
        return new double[] {Math.cos(az) * Math.cos(el), Math.sin(az) * Math.cos(el), Math.sin(el)};
    }

    /** {azimuth, elevation} of a (not necessarily unit) vector. */
    public static double[] toAngles(double x, double y, double z) {
        double horizontal = Math.hypot(x, y);
        return new double[] {Math.toDegrees(Math.atan2(y, x)), Math.toDegrees(Math.atan2(z, horizontal))};
    }
}
