package org.notmono.training.sapo;

/**
 * Group-normalised advantages (GRPO, SAPO): the G rollouts of one prompt are scored against each
 * other, A_i = (R_i - mean R) / (max(std R, floor) + epsilon) with the population standard
 * deviation. A group whose rewards are all equal teaches nothing and gets 0 for every rollout.
 * <p>
 * With floor 0 this is TWNM's z-score. A floor keeps a group whose rollouts differ only in a small
 * reward part (every answer right, one with fewer grounding keywords) from having that difference
 * blown up to unit advantages, as large as a right answer against a wrong one (decision 0014).
 */
public final class GroupAdvantages {
    /** Keeps the division finite for nearly equal rewards. */
    public static final double EPSILON = 1e-4;

    private GroupAdvantages() {
    }

    /**
     * The advantages of one group's rewards, in the same order.
     *
     * @param stdFloor the smallest standard deviation the differences are divided by, in reward units (0: none)
     */
    public static double[] of(double[] rewards, double stdFloor) {
        if (rewards.length == 0) {
            throw new IllegalArgumentException("a group needs at least one rollout");
        }
        if (!(stdFloor >= 0)) {
            throw new IllegalArgumentException("the standard deviation's floor must be >= 0, got " + stdFloor);
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
        double scale = Math.max(Math.sqrt(variance / rewards.length), stdFloor) + EPSILON;
        double[] out = new double[rewards.length];
        for (int i = 0; i < rewards.length; i++) {
            out[i] = rewards[i] == mean ? 0 : (rewards[i] - mean) / scale;
        }
        return out;
    }
}
