package org.notmono.sim.room;

/**
 * A receiver-relative direction: azimuth in [-180, 180) degrees counter-clockwise from the
 * front, elevation in [-90, 90] degrees, distance in metres.
 */
public record Direction(double azimuth, double elevation, double distance) {

    /** From receiver-frame coordinates (x front, y left, z up). */
    public static Direction of(double x, double y, double z) {
        double d = Math.sqrt(x * x + y * y + z * z);
        double az = Math.toDegrees(Math.atan2(y, x));
        if (az >= 180) {
            az -= 360;
        }
        double el = d == 0 ? 0 : Math.toDegrees(Math.asin(Math.clamp(z / d, -1.0, 1.0)));
        return new Direction(az, el, d);
    }

    /** ambiX SN3D gains (W, Y, Z, X) of a unit plane wave from this direction. */
    public double[] foaGains() {
        double az = Math.toRadians(azimuth), el = Math.toRadians(elevation);
        return new double[] {1, Math.sin(az) * Math.cos(el), Math.sin(el), Math.cos(az) * Math.cos(el)};
    }
}
