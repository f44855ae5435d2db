package org.notmono.sim.scene.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class HungarianMatcherTest {

    @Test
    void findsTheBruteForceOptimumOnRandomMatricesOfEveryShape() {
        SplittableRandom r = new SplittableRandom(3);
        for (int trial = 0; trial < 300; trial++) {
            int rows = 1 + r.nextInt(5);
            int cols = 1 + r.nextInt(5);
            double[][] c = new double[rows][cols];
            for (double[] row : c) {
                for (int j = 0; j < cols; j++) {
                    row[j] = r.nextInt(4) == 0 ? 7.0 : r.nextDouble() * 180; // ties too
                }
            }
            int[] match = HungarianMatcher.match(c);
            assertEquals(bruteForce(c, 0, new boolean[cols]), cost(c, match), 1e-9, "trial " + trial);
            assertEquals(Math.min(rows, cols), java.util.Arrays.stream(match).filter(j -> j >= 0).distinct().count());
        }
    }

    @Test
    void emptySidesGiveNoPairs() {
        assertArrayEquals(new int[] {-1, -1}, HungarianMatcher.match(new double[2][0]));
        assertArrayEquals(new int[0], HungarianMatcher.match(new double[0][0]));
    }

    private static double cost(double[][] c, int[] match) {
        double sum = 0;
        for (int i = 0; i < match.length; i++) {
            if (match[i] >= 0) {
                sum += c[i][match[i]];
            }
        }
        return sum;
    }

    /** Minimum total over all ways to pair min(rows, cols) rows and columns. */
    private static double bruteForce(double[][] c, int row, boolean[] used) {
        int rows = c.length;
        int cols = c[0].length;
        if (row == rows) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        int freeCols = 0;
        for (boolean u : used) {
            freeCols += u ? 0 : 1;
        }
        if (rows - row > freeCols) { // this row may stay unpaired
            best = bruteForce(c, row + 1, used);
        }
        for (int j = 0; j < cols; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.min(best, c[row][j] + bruteForce(c, row + 1, used));
                used[j] = false;
            }
        }
        return best;
    }

    /** A NaN cost made the search loop forever (a NaN training step hung the trainer); now it is refused. */
    @Test
    void aNanCostIsRefusedInsteadOfLoopingForever() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> HungarianMatcher.match(new double[][] {{Double.NaN, 1}, {1, 0}}));
    }
}
