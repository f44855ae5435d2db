package org.notmono.viewer.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tick marks for the plots' axes: where they go (as a fraction of the axis) and what they say.
 * Time and level ticks are round numbers (1, 2 or 5 times a power of ten); frequency ticks
 * follow the spectrogram's scale, so a log axis reads 20, 50, 100, 200 ... Hz and a mel axis
 * shows the round frequencies its warping leaves room for.
 */
public final class AxisTicks {
    /** Two labels closer than this share of the axis would overlap: the later one is dropped. */
    private static final double MIN_GAP = 0.07;
    private static final double[] ROUND_HZ = {0, 20, 50, 100, 200, 300, 500, 700, 1000, 1500, 2000, 3000, 4000, 5000, 6000, 8000,
        10000, 12000, 16000, 20000};

    /** One tick: its value, its position on the axis (0 at the start, 1 at the end) and its label. */
    public record Tick(double value, double fraction, String label) {
    }

    private AxisTicks() {
    }

    /** Frequency ticks from the bottom (0) to the top (1) of a spectrogram reaching {@code nyquist} Hz. */
    public static List<Tick> frequency(FrequencyScale scale, double nyquist) {
        List<Tick> ticks = new ArrayList<>();
        if (scale == FrequencyScale.LINEAR) {
            double step = roundStep(nyquist / 6);
            for (double hz = 0; hz <= nyquist + 1e-9; hz += step) {
                ticks.add(new Tick(hz, hz / nyquist, hertz(hz)));
            }
            return ticks;
        }
        double floor = scale == FrequencyScale.LOG ? FrequencyScale.LOG_FLOOR_HZ : 0;
        double last = Double.NEGATIVE_INFINITY;
        for (double hz : ROUND_HZ) {
            if (hz < floor || hz > nyquist) {
                continue;
            }
            boolean decade = scale == FrequencyScale.LOG && !(isOneTwoFive(hz));
            double f = scale.fraction(hz, nyquist);
            if (decade || f - last < MIN_GAP) {
                continue;
            }
            ticks.add(new Tick(hz, f, hertz(hz)));
            last = f;
        }
        return ticks;
    }

    /** Round-second ticks over the visible span {@code [start, end]}, at most about {@code maxTicks}. */
    public static List<Tick> time(double start, double end, int maxTicks) {
        List<Tick> ticks = new ArrayList<>();
        double span = end - start;
        if (!(span > 0)) {
            return ticks;
        }
        double step = roundStep(span / Math.max(1, maxTicks));
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        for (long k = (long) Math.ceil(start / step - 1e-9); k * step <= end + 1e-9; k++) {
            double t = k * step;
            ticks.add(new Tick(t, (t - start) / span, String.format(Locale.ROOT, "%." + decimals + "f s", t)));
        }
        return ticks;
    }

    /** Level ticks for a colour bar from {@code -rangeDb} (0) to 0 dB (1), every 10 or 20 dB. */
    public static List<Tick> decibels(double rangeDb) {
        List<Tick> ticks = new ArrayList<>();
        double step = rangeDb > 80 ? 20 : 10;
        for (double db = 0; db >= -rangeDb - 1e-9; db -= step) {
            ticks.add(new Tick(db, (db + rangeDb) / rangeDb, String.format(Locale.ROOT, "%.0f dB", db)));
        }
        return ticks;
    }

    /** 1, 2 or 5 times a power of ten, the smallest not below {@code raw}. */
    static double roundStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw - 1e-12) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static boolean isOneTwoFive(double hz) {
        double p = Math.pow(10, Math.floor(Math.log10(hz)));
        double m = Math.round(hz / p * 1000) / 1000.0;
        return m == 1 || m == 2 || m == 5;
    }

    /** "500 Hz", "1 kHz", "2.5 kHz". */
    public static String hertz(double hz) {
        if (hz < 1000) {
            return String.format(Locale.ROOT, "%.0f Hz", hz);
        }
        String k = String.format(Locale.ROOT, "%.2f", hz / 1000).replaceAll("0+$", "").replaceAll("\\.$", "");
        return k + " kHz";
    }
}
