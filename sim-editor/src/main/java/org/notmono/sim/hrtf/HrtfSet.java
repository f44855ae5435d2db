package org.notmono.sim.hrtf;

import java.util.List;

/**
 * A set of head-related impulse responses: one left/right pair per measured direction, at one
 * sample rate. Directions follow the project convention: azimuth in degrees counter-clockwise
 * from the front (+90 = left) in [-180, 180), elevation up from the horizontal plane.
 */
public record HrtfSet(int sampleRate, List<Direction> directions, float[][] left, float[][] right) {

    /** A measured direction, degrees; distance in metres. */
    public record Direction(double azimuth, double elevation, double distance) {
    }

    public HrtfSet {
        directions = List.copyOf(directions);
        if (left.length != directions.size() || right.length != directions.size()) {
            throw new IllegalArgumentException(directions.size() + " directions but " + left.length + " left and "
                    + right.length + " right responses");
        }
    }

    public int size() {
        return directions.size();
    }

    /** Taps per response. */
    public int length() {
        return left[0].length;
    }

    /** Index of the measured direction with the smallest great-circle angle to (azimuth, elevation). */
    public int nearest(double azimuth, double elevation) {
        double[] target = unit(azimuth, elevation);
        int best = 0;
        double bestDot = -2;
        for (int i = 0; i < directions.size(); i++) {
            double[] d = unit(directions.get(i).azimuth(), directions.get(i).elevation());
            double dot = d[0] * target[0] + d[1] * target[1] + d[2] * target[2];
            if (dot > bestDot) {
                bestDot = dot;
                best = i;
            }
        }
        return best;
    }

    private static double[] unit(double azimuth, double elevation) {
        double az = Math.toRadians(azimuth);
        double el = Math.toRadians(elevation);
        return new double[] {Math.cos(az) * Math.cos(el), Math.sin(az) * Math.cos(el), Math.sin(el)};
    }
}
