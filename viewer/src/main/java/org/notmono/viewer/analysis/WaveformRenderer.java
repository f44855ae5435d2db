package org.notmono.viewer.analysis;

import java.util.Arrays;

import org.notmono.audio.AudioClip;

/**
 * Draws one channel's waveform as pixels: per column, the samples' min-max range as a vertical
 * bar, over the visible span. One image to upload costs the graphics pipeline far less than a
 * stroked line per column.
 */
public final class WaveformRenderer {
    private WaveformRenderer() {
    }

    /** ARGB pixels, row by row, {@code width x height}; amplitude +-1 spans the height. */
    public static int[] render(AudioClip clip, WaveformSummary summary, int channel, double startSeconds, double endSeconds,
                               int width, int height, int background, int wave) {
        int[] pixels = new int[width * height];
        Arrays.fill(pixels, background);
        int length = clip.frames();
        double fs = clip.sampleRate();
        double start = startSeconds * fs;
        double perPixel = (endSeconds * fs - start) / width;
        double mid = height / 2.0;
        for (int px = 0; px < width; px++) {
            int a = (int) Math.max(0, start + px * perPixel);
            int b = (int) Math.min(length, Math.max(a + 1, start + (px + 1) * perPixel));
            if (a >= length) {
                break;
            }
            float[] range = summary.range(clip, channel, a, b);
            int top = Math.clamp((int) Math.floor(mid - range[1] * mid), 0, height - 1);
            int bottom = Math.clamp((int) Math.floor(mid - range[0] * mid), top, height - 1);
            for (int y = top; y <= bottom; y++) {
                pixels[y * width + px] = wave;
            }
        }
        return pixels;
    }
}
