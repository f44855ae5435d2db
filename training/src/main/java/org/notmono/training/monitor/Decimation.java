package org.notmono.training.monitor;

import java.util.Arrays;

/**
 * Thins a curve for drawing: with more points than the plot has pixels, each bucket of
 * consecutive points keeps its first, lowest, highest and last point (in order), so spikes and
 * the envelope survive while a 5,000-step curve on a 500-pixel plot draws about 2,000 segments.
 */
public final class Decimation {
    private Decimation() {
    }

    /** Indices of the points to draw, ascending; all of them when {@code y.length <= buckets * 4}. */
    public static int[] minMax(double[] y, int buckets) {
        int n = y.length;
        if (buckets < 1 || n <= buckets * 4) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int[] keep = new int[buckets * 4];
        int k = 0;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * n / buckets);
            int to = (int) ((long) (b + 1) * n / buckets);
            int lo = from;
            int hi = from;
            for (int i = from; i < to; i++) {
                if (y[i] < y[lo]) {
                    lo = i;
                }
                if (y[i] > y[hi]) {
                    hi = i;
                }
            }
            int[] four = {from, Math.min(lo, hi), Math.max(lo, hi), to - 1};
            for (int i : four) {
                if (k == 0 || keep[k - 1] < i) {
                    keep[k++] = i;
                }
            }
        }
        return Arrays.copyOf(keep, k);
    }
}
