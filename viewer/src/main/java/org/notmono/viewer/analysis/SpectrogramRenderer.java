package org.notmono.viewer.analysis;

import java.util.Arrays;

/**
 * Paints one channel of a {@link Spectrogram} into ARGB pixels for a time span, a size, a
 * frequency scale, a colour map and a dB window. Each pixel shows the loudest bin and frame
 * it covers, so short events survive zooming out. Headless: the FX panes and the
 * {@code spectrogram} command both use it.
 */
public final class SpectrogramRenderer {
    private SpectrogramRenderer() {
    }

    /** What to paint. {@code topDb} is the level drawn brightest; {@code rangeDb} below it is darkest. */
    public record Look(FrequencyScale scale, ColourMap colours, double topDb, double rangeDb, double gainDb) {
        public Look {
            if (!(rangeDb > 0)) {
                throw new IllegalArgumentException("dB range must be positive, got " + rangeDb);
            }
        }
    }

    /** Pixels row-major, row 0 at the top (highest frequency). */
    public static int[] render(Spectrogram s, int channel, double startSeconds, double endSeconds, int width, int height,
                               Look look) {
        int[] pixels = new int[width * height];
        int[][] rowBins = rowBinRanges(s, height, look.scale());
        int level = s.levelFor((s.frameAt(endSeconds) - s.frameAt(startSeconds)) / width);
        double scale = Math.pow(Spectrogram.LEVEL_FACTOR, level);
        int levelFrames = s.frames(level);
        double framesPerPixel = (s.frameAt(endSeconds) - s.frameAt(startSeconds)) / width / scale;
        double first = s.frameAt(startSeconds) / scale;
        float[] column = new float[s.bins()];
        double offset = look.gainDb() - look.topDb() + look.rangeDb();
        for (int x = 0; x < width; x++) {
            int a = (int) Math.round(first + x * framesPerPixel);
            int b = Math.max(a, (int) Math.round(first + (x + 1) * framesPerPixel) - 1);
            if (b < 0 || a >= levelFrames) {
                for (int y = 0; y < height; y++) {
                    pixels[y * width + x] = look.colours().argb(0);
                }
                continue;
            }
            columnMax(s, level, channel, Math.max(0, a), Math.min(b, levelFrames - 1), column);
            for (int y = 0; y < height; y++) {
                float v = Float.NEGATIVE_INFINITY;
                for (int k = rowBins[y][0]; k <= rowBins[y][1]; k++) {
                    v = Math.max(v, column[k]);
                }
                pixels[y * width + x] = look.colours().argb((v + offset) / look.rangeDb());
            }
        }
        return pixels;
    }

    private static void columnMax(Spectrogram s, int level, int channel, int a, int b, float[] column) {
        Arrays.fill(column, Float.NEGATIVE_INFINITY);
        for (int t = a; t <= b; t++) {
            for (int k = 0; k < column.length; k++) {
                column[k] = Math.max(column[k], s.db(level, channel, t, k));
            }
        }
    }

    /** For each pixel row (top first) the bins it covers, at least one. */
    private static int[][] rowBinRanges(Spectrogram s, int height, FrequencyScale scale) {
        double nyquist = s.sampleRate() / 2.0;
        double binHz = nyquist / (s.bins() - 1);
        int[][] ranges = new int[height][2];
        for (int y = 0; y < height; y++) {
            double lowHz = scale.frequency((height - 1 - y) / (double) height, nyquist);
            double highHz = scale.frequency((height - y) / (double) height, nyquist);
            int lo = Math.clamp(Math.round(lowHz / binHz), 0, s.bins() - 1);
            int hi = Math.clamp(Math.round(highHz / binHz) - 1, lo, s.bins() - 1);
            ranges[y][0] = lo;
            ranges[y][1] = hi;
        }
        return ranges;
    }
}
