package org.notmono.sim.room;

/**
 * pyroomacoustics' fractional delay: an 81-tap Hann-windowed sinc read from a table sampled 20
 * times per sample with linear interpolation. To keep the hot loop free of table look-ups,
 * the window is folded into the table once: for each of the 21 table phases we keep the
 * windowed kernel and its slope to the next phase, so a kernel is one multiply-add per tap.
 */
final class FractionalDelay {
    static final int TAPS = 81;
    static final int HALF = (TAPS - 1) / 2;
    private static final int GRANULARITY = 20;

    /** base[g * TAPS + k] and slope[g * TAPS + k] for phase g in [0, GRANULARITY]. */
    private final float[] base;
    private final float[] slope;

    private static final FractionalDelay INSTANCE = new FractionalDelay();

    static FractionalDelay get() {
        return INSTANCE;
    }

    private FractionalDelay() {
        int lutSize = (TAPS + 2) * GRANULARITY;
        double[] lut = new double[lutSize];
        for (int i = 0; i < lutSize; i++) {
            lut[i] = sinc(-HALF - 1 + (double) i / GRANULARITY);
        }
        double[] hann = new double[TAPS];
        for (int k = 0; k < TAPS; k++) {
            hann[k] = 0.5 - 0.5 * Math.cos(2 * Math.PI * k / (TAPS - 1));
        }
        base = new float[(GRANULARITY + 1) * TAPS];
        slope = new float[(GRANULARITY + 1) * TAPS];
        for (int g = 0; g <= GRANULARITY; g++) {
            for (int k = 0; k < TAPS; k++) {
                int pos = g + k * GRANULARITY;
                base[g * TAPS + k] = (float) (hann[k] * lut[pos]);
                slope[g * TAPS + k] = (float) (hann[k] * (lut[pos + 1] - lut[pos]));
            }
        }
    }

    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    /**
     * Writes into {@code kernel} the taps for an arrival at {@code fraction} in [0, 1) of a
     * sample after the first tap's sample + HALF; tap k lands on sample floor(t) - HALF + k.
     */
    void kernel(double fraction, float[] kernel) {
        double x = (1.0 - fraction) * GRANULARITY;
        int g = (int) x;
        float off = (float) (x - g);
        int o = g * TAPS;
        for (int k = 0; k < TAPS; k++) {
            kernel[k] = base[o + k] + off * slope[o + k];
        }
    }
}
