package org.notmono.training.sapo;

/**
 * The adaptive KL coefficient of Ziegler et al. (2019), as TWNM appendix B describes it: after
 * each step the coefficient is scaled by 1 + clip(KL / target - 1, -0.2, 0.2) * n / horizon,
 * where KL is a moving average of the measured divergence (so one noisy step does not swing it)
 * and n the prompts seen in the step: it grows while the policy drifts beyond the target and
 * shrinks while it stays inside.
 */
public final class AdaptiveKlController {
    /** The proportional error is clipped to this magnitude. */
    public static final double MAX_ERROR = 0.2;
    private final double target;
    private final double horizon;
    private final double smoothing;
    private double coefficient;
    private double average = Double.NaN;

    /**
     * @param initial the starting coefficient beta
     * @param target the KL the controller steers toward (nats per token)
     * @param horizon how many prompts a full proportional correction is spread over
     * @param smoothing weight of the old average in the moving average of KL, in [0, 1) (0: the last step only)
     */
    public AdaptiveKlController(double initial, double target, double horizon, double smoothing) {
        if (!(initial >= 0) || !(target > 0) || !(horizon > 0) || !(smoothing >= 0 && smoothing < 1)) {
            throw new IllegalArgumentException("KL controller needs initial >= 0, target > 0, horizon > 0, smoothing in [0, 1); got "
                    + initial + ", " + target + ", " + horizon + ", " + smoothing);
        }
        this.coefficient = initial;
        this.target = target;
        this.horizon = horizon;
        this.smoothing = smoothing;
    }

    /** The coefficient to use now. */
    public double coefficient() {
        return coefficient;
    }

    /** The moving average of the measured KL (NaN before the first update). */
    public double average() {
        return average;
    }

    /** Feeds the KL measured in a step over {@code prompts} prompts; returns the new coefficient. */
    public double update(double kl, int prompts) {
        average = Double.isNaN(average) ? kl : smoothing * average + (1 - smoothing) * kl;
        double error = Math.max(-MAX_ERROR, Math.min(MAX_ERROR, average / target - 1));
        coefficient *= 1 + error * prompts / horizon;
        return coefficient;
    }

    /** Restores the state of a resumed run. */
    public void restore(double coefficient, double average) {
        this.coefficient = coefficient;
        this.average = average;
    }
}
