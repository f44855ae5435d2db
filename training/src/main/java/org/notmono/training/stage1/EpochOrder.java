package org.notmono.training.stage1;

import java.util.SplittableRandom;

import org.notmono.training.run.Shuffle;

/** Which examples an epoch visits, in which order; a pure function of the seed and the epoch. */
public interface EpochOrder {

    int[] order(int epoch);

    /** Every example once, shuffled. */
    static EpochOrder shuffled(int size, long seed) {
        return epoch -> Shuffle.indices(size, new SplittableRandom(seed * 1_000_003L + epoch));
    }
}
