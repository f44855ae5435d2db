package org.notmono.training.curriculum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class BatchOrderTest {
    /** Lengths that repeat and jump about: 0, 7, 14, 21, 5, 12, ... */
    private static final IntUnaryOperator LENGTH = i -> i * 7 % 23;

    @Test
    void withoutBucketsItIsTheShuffleRunsStartedBeforeBucketsWereDrawing() {
        // printed by LmStageRunner.batch as it was before length buckets (commit 51be041), for 12 examples, seed 7, epoch 3:
        // a run configured then resumes with the same batches
        int[] before = {8, 0, 3, 2, 4, 5, 9, 10, 6, 11, 7, 1};
        assertArrayEquals(before, BatchOrder.of(12, 7, 3, 4, 0, LENGTH));
        assertArrayEquals(before, BatchOrder.of(12, 7, 3, 4, 1, LENGTH));
    }

    @Test
    void bucketsRegroupEachWindowOfTheShuffleAndNothingElse() {
        int n = 103, batch = 4, buckets = 5, window = batch * buckets;
        int[] plain = BatchOrder.of(n, 1, 0, batch, 0, LENGTH);
        int[] bucketed = BatchOrder.of(n, 1, 0, batch, buckets, LENGTH);
        assertArrayEquals(IntStream.range(0, n).toArray(), Arrays.stream(bucketed).sorted().toArray(), "every example once");
        for (int from = 0; from < n; from += window) {
            int to = Math.min(n, from + window);
            assertArrayEquals(Arrays.stream(plain, from, to).sorted().toArray(), Arrays.stream(bucketed, from, to).sorted().toArray(),
                    "window at " + from);
        }
        // the last window holds 3 examples: less than a batch, it stays where the epoch ends
        assertArrayEquals(Arrays.stream(plain, 100, 103).sorted().toArray(), Arrays.stream(bucketed, 100, 103).sorted().toArray());
        assertArrayEquals(bucketed, BatchOrder.of(n, 1, 0, batch, buckets, LENGTH), "the same seed and epoch, the same order");
    }

    @Test
    void aBucketAsLongAsTheEpochCutsTheExamplesSortedByLengthIntoBatches() {
        int n = 40, batch = 4;
        int[] order = BatchOrder.of(n, 2, 1, batch, n / batch, LENGTH);
        // independently: the examples sorted by length (ties by index), cut into consecutive batches
        List<Integer> sorted = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        sorted.sort(Comparator.<Integer>comparingInt(LENGTH::applyAsInt).thenComparingInt(i -> i));
        List<List<Integer>> expected = new ArrayList<>();
        for (int b = 0; b < n / batch; b++) {
            expected.add(sorted.subList(b * batch, (b + 1) * batch));
        }
        List<List<Integer>> drawn = new ArrayList<>();
        for (int b = 0; b < n / batch; b++) {
            drawn.add(Arrays.stream(order, b * batch, (b + 1) * batch).boxed().toList());
        }
        assertTrue(drawn.containsAll(expected) && expected.containsAll(drawn), drawn.toString());
        assertTrue(!drawn.equals(expected), "the batches are visited in a shuffled order, not shortest first");
    }

    @Test
    void paddingCountsThePositionsEachBatchAddsUpToItsLongest() {
        int[] lengths = {1, 2, 3, 4};
        // batches {1, 4} and {2, 3}: padded to 4 and 3, 14 positions of which 3 + 1 are padding
        assertEquals(4 / 14.0, BatchOrder.padding(new int[] {0, 3, 1, 2}, 2, i -> lengths[i]), 1e-12);
        // {1, 2} and {3, 4}: 2 of 12
        assertEquals(2 / 12.0, BatchOrder.padding(new int[] {0, 1, 2, 3}, 2, i -> lengths[i]), 1e-12);
        // a partial last batch is left out: {1, 4} only
        assertEquals(3 / 8.0, BatchOrder.padding(new int[] {0, 3, 1}, 2, i -> lengths[i]), 1e-12);
    }

    @Test
    void bucketsPadLessThanTheShuffleOnSpreadLengths() {
        int n = 2000, batch = 8;
        IntUnaryOperator spread = i -> 40 + i * 37 % 400;
        double plain = BatchOrder.padding(BatchOrder.of(n, 3, 0, batch, 0, spread), batch, spread);
        double bucketed = BatchOrder.padding(BatchOrder.of(n, 3, 0, batch, 32, spread), batch, spread);
        // lengths spread evenly over 40..439 (mean 240): a batch of 8 drawn at random pads to its longest, on average
        // 40 + 400 * 8/9 = 396, so 1 - 240/396 = 39% padding; in a bucket of 256 sorted lengths neighbours are ~1.6 apart,
        // a batch's longest ~5.5 above its mean: ~2%
        assertEquals(1 - 240 / 395.6, plain, 0.03);
        assertTrue(bucketed < 0.04, "bucketed padding " + bucketed);
    }
}
