package org.notmono.audio;

import java.util.Locale;

/**
 * Analysis windows, periodic (the DFT-even form that overlap-adds to a constant at hop N/2 for
 * Hann and N/4 for Blackman), as spectrogram tools use them.
 */
public enum WindowFunction {
    HANN(0.5, 0.5, 0.0),
    HAMMING(0.54, 0.46, 0.0),
    BLACKMAN(0.42, 0.5, 0.08);

    private final double a0;
    private final double a1;
    private final double a2;

    WindowFunction(double a0, double a1, double a2) {
        this.a0 = a0;
        this.a1 = a1;
        this.a2 = a2;
    }

    /** The window's {@code size} coefficients. */
    public float[] coefficients(int size) {
        float[] w = new float[size];
        for (int n = 0; n < size; n++) {
            double phase = 2 * Math.PI * n / size;
            w[n] = (float) (a0 - a1 * Math.cos(phase) + a2 * Math.cos(2 * phase));
        }
        return w;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an id such as {@code hann}; throws naming the choices when unknown. */
    public static WindowFunction fromId(String id) {
        for (WindowFunction w : values()) {
            if (w.id().equalsIgnoreCase(id)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown window '" + id + "': use hann, hamming or blackman");
    }
}
