package org.notmono.sim.scene.metrics;

import java.util.Arrays;

/**
 * Minimum-cost assignment (Kuhn-Munkres with potentials, O(n^3)) for a rectangular cost
 * matrix: every row is paired with a distinct column, or every column with a distinct row,
 * whichever side is smaller.
 */
public final class HungarianMatcher {
    private HungarianMatcher() {
    }

    /**
     * @param cost {@code [rows][cols]}, finite
     * @return for each row the column it is paired with, or -1 when there are fewer columns than rows
     * @throws IllegalArgumentException for a NaN or infinite cost (the search would never end)
     */
    public static int[] match(double[][] cost) {
        int rows = cost.length;
        int cols = rows == 0 ? 0 : cost[0].length;
        for (double[] row : cost) {
            for (double c : row) {
                if (!Double.isFinite(c)) {
                    throw new IllegalArgumentException("assignment costs must be finite, got " + c);
                }
            }
        }
        int[] rowToCol = new int[rows];
        Arrays.fill(rowToCol, -1);
        if (rows == 0 || cols == 0) {
            return rowToCol;
        }
        boolean transposed = rows > cols;
        double[][] a = transposed ? transpose(cost) : cost;
        int[] assignment = solve(a);
        for (int i = 0; i < assignment.length; i++) {
            if (transposed) {
                rowToCol[assignment[i]] = i;
            } else {
                rowToCol[i] = assignment[i];
            }
        }
        return rowToCol;
    }

    /** Rows <= columns; returns each row's column. */
    private static int[] solve(double[][] a) {
        int n = a.length;
        int m = a[0].length;
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] p = new int[m + 1]; // p[j]: row (1-based) assigned to column j
        int[] way = new int[m + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            double[] minv = new double[m + 1];
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            boolean[] used = new boolean[m + 1];
            do {
                used[j0] = true;
                int i0 = p[j0];
                int j1 = 0;
                double delta = Double.POSITIVE_INFINITY;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double cur = a[i0 - 1][j - 1] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] result = new int[n];
        for (int j = 1; j <= m; j++) {
            if (p[j] != 0) {
                result[p[j] - 1] = j - 1;
            }
        }
        return result;
    }

    private static double[][] transpose(double[][] c) {
        double[][] t = new double[c[0].length][c.length];
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < c[0].length; j++) {
                t[j][i] = c[i][j];
            }
        }
        return t;
    }
}
