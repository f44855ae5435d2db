package org.notmono.sim.room;

/**
 * pyroomacoustics' RIR high-pass: a 2nd-order Butterworth at 10 Hz applied forwards and
 * backwards (zero phase) like scipy's filtfilt: odd extension of 3 * max(len(a), len(b))
 * samples at both ends and steady-state initial conditions.
 */
public final class HighPass {
    public static final double CUTOFF_HZ = 10;

    private final double b0, b1, b2, a1, a2;

    public HighPass(double cutoffHz, int sampleRate) {
        // bilinear transform of s^2 / (s^2 + sqrt2 wc s + wc^2) with pre-warping
        double k = Math.tan(Math.PI * cutoffHz / sampleRate);
        double a0 = 1 + Math.sqrt(2) * k + k * k;
        b0 = 1 / a0;
        b1 = -2 / a0;
        b2 = 1 / a0;
        a1 = (2 * k * k - 2) / a0;
        a2 = (1 - Math.sqrt(2) * k + k * k) / a0;
    }

    /** Filters {@code x} in place, zero phase. */
    public void filtfilt(float[] x) {
        int pad = 9;
        int n = x.length;
        if (n <= pad) {
            throw new IllegalArgumentException("signal of " + n + " samples is too short for the high-pass (needs > " + pad + ")");
        }
        double[] ext = new double[n + 2 * pad];
        for (int i = 0; i < pad; i++) {
            ext[i] = 2 * x[0] - x[pad - i];
            ext[n + pad + i] = 2 * x[n - 1] - x[n - 2 - i];
        }
        for (int i = 0; i < n; i++) {
            ext[pad + i] = x[i];
        }
        filter(ext, false);
        filter(ext, true);
        for (int i = 0; i < n; i++) {
            x[i] = (float) ext[pad + i];
        }
    }

    /** Transposed direct form II with scipy's lfilter_zi state scaled by the first input. */
    private void filter(double[] v, boolean reverse) {
        int n = v.length;
        double ySteady = (b0 + b1 + b2) / (1 + a1 + a2);
        double zi1 = b2 - a2 * ySteady;
        double zi0 = b1 - a1 * ySteady + zi1;
        double first = v[reverse ? n - 1 : 0];
        double z0 = zi0 * first, z1 = zi1 * first;
        for (int j = 0; j < n; j++) {
            int i = reverse ? n - 1 - j : j;
            double x = v[i];
            double y = b0 * x + z0;
            z0 = b1 * x - a1 * y + z1;
            z1 = b2 * x - a2 * y;
            v[i] = y;
        }
    }
}
