package org.notmono.viewer.listen;

/**
 * Rotates an ambiX (W, Y, Z, X) sound field for a listener who turns the head by {@code yaw}
 * degrees (positive = to the left, counter-clockwise from above): a source at azimuth
 * {@code a} is then heard at {@code a - yaw}. W and Z do not change.
 */
public final class FoaRotation {
    private FoaRotation() {
    }

    /** A rotated copy; the input is untouched. */
    public static float[][] yaw(float[][] foa, double yawDegrees) {
        double c = Math.cos(Math.toRadians(yawDegrees));
        double s = Math.sin(Math.toRadians(yawDegrees));
        float[] y = foa[1];
        float[] x = foa[3];
        float[] y2 = new float[y.length];
        float[] x2 = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            x2[i] = (float) (c * x[i] + s * y[i]);
            y2[i] = (float) (-s * x[i] + c * y[i]);
        }
        return new float[][] {foa[0], y2, foa[2], x2};
    }
}
