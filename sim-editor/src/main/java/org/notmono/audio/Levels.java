package org.notmono.audio;

import java.util.Locale;

/**
 * Levels of float audio (full scale = 1.0): DC offset, peak and RMS in dBFS, and the gain that
 * normalises a multichannel signal. Renders keep float samples, so a mix above 0 dBFS is intact
 * in a float WAV but clips when written as 16- or 24-bit PCM or played.
 */
public final class Levels {

    private Levels() {
    }

    /** The mean of the samples: the DC offset. */
    public static double mean(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += v;
        }
        return x.length == 0 ? 0 : sum / x.length;
    }

    /** Subtracts the DC offset in place (the mean becomes zero up to float rounding); returns the offset removed. */
    public static double removeDc(float[] x) {
        double m = mean(x);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (x[i] - m);
        }
        return m;
    }

    /** The largest absolute sample over all channels, in dBFS (-inf for silence). */
    public static double peakDb(float[][] audio) {
        double peak = 0;
        for (float[] c : audio) {
            for (float v : c) {
                peak = Math.max(peak, Math.abs(v));
            }
        }
        return 20 * Math.log10(peak);
    }

    /** The RMS of one channel in dBFS (-inf for silence). */
    public static double rmsDb(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += (double) v * v;
        }
        return 10 * Math.log10(sum / Math.max(1, x.length));
    }

    /** A copy of {@code audio} scaled by {@code gainDb}. */
    public static float[][] scaled(float[][] audio, double gainDb) {
        float g = (float) Math.pow(10, gainDb / 20);
        float[][] out = new float[audio.length][];
        for (int c = 0; c < audio.length; c++) {
            out[c] = audio[c].clone();
            for (int i = 0; i < out[c].length; i++) {
                out[c][i] *= g;
            }
        }
        return out;
    }

    /** "+9.4 dBFS". */
    public static String formatDb(double db) {
        return String.format(Locale.ROOT, "%+.1f dBFS", db);
    }

    /** How an export sets its level. */
    public enum Normalisation {
        /** As rendered. */
        NONE("As rendered", Double.NaN),
        /** The loudest sample of any channel at -1 dBFS. */
        PEAK("Peak -1 dBFS", -1),
        /** The RMS of the first channel (W for FOA) at -23 dBFS: unweighted, not a K-weighted LUFS measure. */
        LOUDNESS("W RMS -23 dBFS", -23);

        private final String label;
        private final double targetDb;

        Normalisation(String label, double targetDb) {
            this.label = label;
            this.targetDb = targetDb;
        }

        /** The gain in dB that brings {@code audio} to the target (0 for {@link #NONE} and for silence). */
        public double gainDb(float[][] audio) {
            double level = switch (this) {
                case NONE -> Double.NaN;
                case PEAK -> peakDb(audio);
                case LOUDNESS -> rmsDb(audio[0]);
            };
            return Double.isFinite(level) ? targetDb - level : 0;
        }

        /** {@code audio} at the target level (the same array for {@link #NONE}). */
        public float[][] apply(float[][] audio) {
            return this == NONE ? audio : scaled(audio, gainDb(audio));
        }

        /** Parses {@code none}, {@code peak} or {@code loudness}. */
        public static Normalisation fromId(String id) {
            return switch (id.toLowerCase(Locale.ROOT)) {
                case "none" -> NONE;
                case "peak" -> PEAK;
                case "loudness" -> LOUDNESS;
                default -> throw new IllegalArgumentException("'" + id + "' is not none, peak or loudness");
            };
        }

        @Override
        public String toString() {
            return label;
        }
    }
}
