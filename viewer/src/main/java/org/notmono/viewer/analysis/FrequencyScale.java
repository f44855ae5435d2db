package org.notmono.viewer.analysis;

import java.util.Locale;

/** How a spectrogram's vertical axis maps to frequency. */
public enum FrequencyScale {
    LINEAR, LOG, MEL;

    /** Lowest frequency shown on the log scale, in Hz. */
    public static final double LOG_FLOOR_HZ = 20;

    /** The frequency at height fraction {@code f} (0 bottom, 1 top) for a Nyquist of {@code nyquist} Hz. */
    public double frequency(double f, double nyquist) {
        return switch (this) {
            case LINEAR -> f * nyquist;
            case LOG -> LOG_FLOOR_HZ * Math.pow(nyquist / LOG_FLOOR_HZ, f);
            case MEL -> melToHz(f * hzToMel(nyquist));
        };
    }

    /** The height fraction of frequency {@code hz}: the inverse of {@link #frequency}. */
    public double fraction(double hz, double nyquist) {
        return switch (this) {
            case LINEAR -> hz / nyquist;
            case LOG -> Math.log(Math.max(hz, LOG_FLOOR_HZ) / LOG_FLOOR_HZ) / Math.log(nyquist / LOG_FLOOR_HZ);
            case MEL -> hzToMel(hz) / hzToMel(nyquist);
        };
    }

    static double hzToMel(double hz) {
        return 2595 * Math.log10(1 + hz / 700);
    }

    static double melToHz(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FrequencyScale fromId(String id) {
        for (FrequencyScale s : values()) {
            if (s.id().equalsIgnoreCase(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown frequency scale '" + id + "': use linear, log or mel");
    }
}
