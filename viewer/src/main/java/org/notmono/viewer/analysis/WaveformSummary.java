package org.notmono.viewer.analysis;

import org.notmono.audio.AudioClip;

/**
 * Minimum and maximum of every {@value #BLOCK} samples of each channel, so a zoomed-out
 * waveform of a long file is drawn from the summary instead of every sample.
 */
public final class WaveformSummary {
    public static final int BLOCK = 256;

    private final float[][] min;
    private final float[][] max;

    private WaveformSummary(float[][] min, float[][] max) {
        this.min = min;
        this.max = max;
    }

    public static WaveformSummary of(AudioClip clip) {
        int blocks = (clip.frames() + BLOCK - 1) / BLOCK;
        float[][] min = new float[clip.channelCount()][blocks];
        float[][] max = new float[clip.channelCount()][blocks];
        for (int c = 0; c < clip.channelCount(); c++) {
            float[] x = clip.channel(c);
            for (int b = 0; b < blocks; b++) {
                float lo = Float.POSITIVE_INFINITY;
                float hi = Float.NEGATIVE_INFINITY;
                for (int i = b * BLOCK; i < Math.min(x.length, (b + 1) * BLOCK); i++) {
                    lo = Math.min(lo, x[i]);
                    hi = Math.max(hi, x[i]);
                }
                min[c][b] = lo;
                max[c][b] = hi;
            }
        }
        return new WaveformSummary(min, max);
    }

    /**
     * {lowest, highest} sample of a channel in [from, to) samples: from the blocks when the span
     * covers many of them (to within a block at the edges), else from the samples.
     */
    public float[] range(AudioClip clip, int channel, int from, int to) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        if (to - from >= 4 * BLOCK) {
            for (int b = from / BLOCK; b < Math.min(min[channel].length, (to + BLOCK - 1) / BLOCK); b++) {
                lo = Math.min(lo, min[channel][b]);
                hi = Math.max(hi, max[channel][b]);
            }
        } else {
            float[] x = clip.channel(channel);
            for (int i = Math.max(0, from); i < Math.min(x.length, to); i++) {
                lo = Math.min(lo, x[i]);
                hi = Math.max(hi, x[i]);
            }
        }
        return new float[] {lo, hi};
    }
}
