package org.notmono.training.stage1;

import java.util.SplittableRandom;

/** Which examples an epoch visits, in which order; a pure function of the seed and the epoch. */
public interface EpochOrder {

    int[] order(int epoch);

    /** Every example once, shuffled. */
    static EpochOrder shuffled(int size, long seed) {
        return epoch -> {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + epoch);
            int[] order = new int[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            for (int i = size - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            return order;
        };
    }
}
