package org.notmono.training.curriculum;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;

import org.notmono.training.run.Shuffle;

/**
 * The order in which one epoch of a supervised LM stage visits its examples; step {@code p} of the
 * epoch trains on entries {@code p*B .. p*B+B-1}. The order is a seeded shuffle. With length
 * buckets, each run of {@code bucketBatches} batches of that shuffle is then sorted by length,
 * cut into batches, and its batches taken in a seeded order: a batch holds examples of similar
 * length, so it pads (and computes) little, while each bucket still draws from the whole corpus.
 * Everything depends only on the seed and the epoch, so a resumed run draws the batches an
 * unbroken run would.
 */
final class BatchOrder {
    private BatchOrder() {
    }

    /**
     * @param bucketBatches batches per length bucket; 0 or 1 leaves the shuffle as it is
     * @param length the positions example {@code i} fills in a batch (only their order matters)
     */
    static int[] of(int examples, long seed, int epoch, int batchSize, int bucketBatches, IntUnaryOperator length) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + epoch);
        int[] order = Shuffle.indices(examples, r);
        if (bucketBatches > 1) {
            bucket(order, batchSize, bucketBatches, length, r);
        }
        return order;
    }

    private static void bucket(int[] order, int batchSize, int bucketBatches, IntUnaryOperator length, SplittableRandom r) {
        int window = batchSize * bucketBatches;
        for (int from = 0; from < order.length; from += window) {
            int to = Math.min(order.length, from + window);
            Integer[] bucket = new Integer[to - from];
            for (int i = from; i < to; i++) {
                bucket[i - from] = order[i];
            }
            // by length, ties by index, so the order never depends on the sort's stability
            Arrays.sort(bucket, Comparator.<Integer>comparingInt(length::applyAsInt).thenComparingInt(i -> i));
            // full batches in a seeded order; a last, partial one (the epoch's end) stays last, so every batch starts at a multiple of B
            int full = bucket.length / batchSize;
            int at = from;
            for (int b : Shuffle.indices(full, r)) {
                for (int k = b * batchSize; k < (b + 1) * batchSize; k++) {
                    order[at++] = bucket[k];
                }
            }
            for (int k = full * batchSize; k < bucket.length; k++) {
                order[at++] = bucket[k];
            }
        }
    }

    /**
     * The share of positions that are padding when {@code order} is cut into batches of
     * {@code batchSize} (each padded to its longest example), over the epoch's full batches.
     */
    static double padding(int[] order, int batchSize, IntUnaryOperator length) {
        long padded = 0;
        long filled = 0;
        for (int from = 0; from + batchSize <= order.length; from += batchSize) {
            int longest = 0;
            for (int k = from; k < from + batchSize; k++) {
                int l = length.applyAsInt(order[k]);
                longest = Math.max(longest, l);
                filled += l;
            }
            padded += (long) longest * batchSize;
        }
        return padded == 0 ? 0 : (padded - filled) / (double) padded;
    }
}
