package org.notmono.training.monitor;

/**
 * A metric of one run ready to draw: x in the chosen axis (steps, hours, or milliseconds since
 * 1970 for wall time), the raw values and their debiased EMA, thinned to the plot's width. The
 * smoothing runs over every point before thinning, so thinning never changes a smoothed value.
 */
public record Curve(double[] x, double[] raw, double[] smooth, long[] steps) {

    /** Builds the curve; with {@code logScale} points at or below zero are left out (a log axis cannot show them). */
    public static Curve of(RunHistory history, String metric, XAxis axis, double smoothing, boolean logScale, int buckets) {
        RunHistory.Series s = history.series(metric);
        int n = 0;
        for (int i = 0; i < s.size(); i++) {
            n += !logScale || s.values()[i] > 0 ? 1 : 0;
        }
        double[] x = new double[n];
        double[] raw = new double[n];
        long[] steps = new long[n];
        double origin = s.size() == 0 ? 0 : s.wallTimes()[0];
        for (int i = 0, j = 0; i < s.size(); i++) {
            if (logScale && s.values()[i] <= 0) {
                continue;
            }
            x[j] = switch (axis) {
                case STEP -> s.steps()[i];
                case RELATIVE -> (s.wallTimes()[i] - origin) / 3600.0;
                case WALL -> s.wallTimes()[i] * 1000.0;
            };
            raw[j] = s.values()[i];
            steps[j++] = s.steps()[i];
        }
        double[] smooth = Smoothing.debiasedEma(raw, smoothing);
        int[] keep = Decimation.minMax(raw, buckets);
        if (keep.length == n) {
            return new Curve(x, raw, smooth, steps);
        }
        double[] kx = new double[keep.length];
        double[] kr = new double[keep.length];
        double[] ks = new double[keep.length];
        long[] kst = new long[keep.length];
        for (int i = 0; i < keep.length; i++) {
            kx[i] = x[keep[i]];
            kr[i] = raw[keep[i]];
            ks[i] = smooth[keep[i]];
            kst[i] = steps[keep[i]];
        }
        return new Curve(kx, kr, ks, kst);
    }

    public int size() {
        return x.length;
    }

    /** The index of the point nearest to {@code at} on the x axis, or -1 when the curve is empty. */
    public int nearest(double at) {
        if (x.length == 0) {
            return -1;
        }
        int i = java.util.Arrays.binarySearch(x, at);
        if (i >= 0) {
            return i;
        }
        int after = -i - 1;
        if (after == 0) {
            return 0;
        }
        if (after == x.length) {
            return x.length - 1;
        }
        return at - x[after - 1] <= x[after] - at ? after - 1 : after;
    }
}
