package org.notmono.training.monitor;

/**
 * Exponential moving average with TensorBoard's bias correction: with weight w the smoothed
 * value after n points is {@code sum_k w^(n-k) (1-w) y_k / (1 - w^n)}, so the first points are
 * not pulled towards zero (the known bug of the uncorrected EMA). Non-finite values are skipped
 * (their smoothed value is NaN and they do not count).
 */
public final class Smoothing {
    /** The largest weight the slider offers; 1 would freeze the first value. */
    public static final double MAX_WEIGHT = 0.999;

    private Smoothing() {
    }

    public static double[] debiasedEma(double[] values, double weight) {
        if (!(weight >= 0 && weight < 1)) {
            throw new IllegalArgumentException("smoothing weight must be in [0, 1), got " + weight);
        }
        double[] out = new double[values.length];
        double last = 0;
        double debias = 0;
        for (int i = 0; i < values.length; i++) {
            double y = values[i];
            if (!Double.isFinite(y)) {
                out[i] = Double.NaN;
                continue;
            }
            last = last * weight + (1 - weight) * y;
            debias = debias * weight + (1 - weight); // = 1 - w^n
            out[i] = last / debias;
        }
        return out;
    }
}
