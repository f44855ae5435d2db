package org.notmono.training.sapo;

/**
 * Group-normalised advantages (GRPO, SAPO): the G rollouts of one prompt are scored against each
 * other, A_i = (R_i - mean R) / (std R + epsilon) with the population standard deviation. A group
 * whose rewards are all equal teaches nothing and gets 0 for every rollout.
 */
public final class GroupAdvantages {
    /** Keeps the division finite for nearly equal rewards. */
    public static final double EPSILON = 1e-4;

    private GroupAdvantages() {
    }

    /** The advantages of one group's rewards, in the same order. */
    public static double[] of(double[] rewards) {
        if (rewards.length == 0) {
            throw new IllegalArgumentException("a group needs at least one rollout");
        }
        double mean = 0;
        for (double r : rewards) {
            mean += r;
        }
        mean /= rewards.length;
        double variance = 0;
        for (double r : rewards) {
            variance += (r - mean) * (r - mean);
        }
        double std = Math.sqrt(variance / rewards.length);
        double[] out = new double[rewards.length];
        for (int i = 0; i < rewards.length; i++) {
            out[i] = rewards[i] == mean ? 0 : (rewards[i] - mean) / (std + EPSILON);
        }
        return out;
    }
}
