package org.notmono.sim.render;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Renders a moving source: the dry signal is cut into Hann-windowed segments with 50 % overlap
 * (the windows sum to one), each segment is convolved with the RIR of where the source is at
 * the segment's centre, and the results are added. Neighbouring RIRs thereby crossfade over a
 * whole hop, so a change of path length never makes a click.
 */
final class MovingSource {
    /** Seconds between RIRs along the trajectory (the RTSD track rate). */
    static final double HOP_SECONDS = 0.1;

    private MovingSource() {
    }

    /**
     * @param rirAt     the FOA RIR for the source position at a given clip sample
     * @param outOffset where the clip's first sample lands in {@code mix}
     */
    static void render(float[] x, float gain, IntFunction<float[][]> rirAt, float[][] mix, int outOffset, int sampleRate) {
        int hop = Math.max(1, (int) Math.round(HOP_SECONDS * sampleRate));
        float[] window = new float[2 * hop];
        for (int n = 0; n < window.length; n++) {
            double s = Math.sin(Math.PI * n / window.length);
            window[n] = (float) (s * s);
        }
        float[] segment = new float[2 * hop];
        for (int centre = 0; centre - hop < x.length; centre += hop) {
            int from = centre - hop;
            boolean any = false;
            for (int n = 0; n < segment.length; n++) {
                int i = from + n;
                segment[n] = i >= 0 && i < x.length ? x[i] * window[n] : 0;
                any |= segment[n] != 0;
            }
            if (!any || outOffset + from >= mix[0].length) {
                continue;
            }
            float[][] rir = rirAt.apply(Math.min(centre, x.length - 1));
            // a segment starting before the clip only adds zeros there, so start it at the clip
            int skip = Math.max(0, -from);
            float[] part = skip == 0 ? segment : Arrays.copyOfRange(segment, skip, segment.length);
            new FftConvolver(rir).convolveAdd(part, gain, mix, outOffset + from + skip);
        }
    }
}
