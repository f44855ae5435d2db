package org.notmono.sim.scene;

/** Receiver-relative directions in DESIGN.md's convention: unit vectors and the angle between two. */
public final class Angles {
    private Angles() {
    }

    /** Wraps an azimuth into [-180, 180). */
    public static double wrapAzimuth(double deg) {
        double a = ((deg + 180) % 360 + 360) % 360 - 180;
        return a == 180 ? -180 : a;
    }

    /** The unit vector (x front, y left, z up) of a direction in degrees. */
    public static double[] unitVector(double azimuthDeg, double elevationDeg) {
        double az = Math.toRadians(azimuthDeg);
        double el = Math.toRadians(elevationDeg);
        return new double[] {Math.cos(az) * Math.cos(el), Math.sin(az) * Math.cos(el), Math.sin(el)};
    }

    /** Azimuth in degrees of a vector (need not be unit). */
    public static double azimuthOf(double x, double y) {
        return wrapAzimuth(Math.toDegrees(Math.atan2(y, x)));
    }

    /** Elevation in degrees of a vector (need not be unit); 0 for the zero vector. */
    public static double elevationOf(double x, double y, double z) {
        double h = Math.sqrt(x * x + y * y); // not hypot: this runs per time-frequency bin
        return h == 0 && z == 0 ? 0 : Math.toDegrees(Math.atan2(z, h));
    }

    /** The great-circle angle in degrees between two directions. */
    public static double between(double az1, double el1, double az2, double el2) {
        double[] a = unitVector(az1, el1);
        double[] b = unitVector(az2, el2);
        // atan2 of cross and dot stays accurate for tiny angles, where acos(dot) loses digits
        double cx = a[1] * b[2] - a[2] * b[1];
        double cy = a[2] * b[0] - a[0] * b[2];
        double cz = a[0] * b[1] - a[1] * b[0];
        double dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
        return Math.toDegrees(Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), dot));
    }
}
