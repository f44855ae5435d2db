package org.notmono.training.distance;

import java.util.List;

/**
 * Ordinary least squares of the log distance on a few features plus an intercept:
 * {@code ln d = b0 + b1 x1 + ... + bk xk}, solved through the normal equations.
 */
public final class LogDistanceFit {
    private final double[] coefficients;

    private LogDistanceFit(double[] coefficients) {
        this.coefficients = coefficients;
    }

    /**
     * Fits {@code ln distances[i]} on {@code features.get(i)} (all of one length).
     *
     * @throws IllegalArgumentException with fewer examples than coefficients, or features that do not vary independently
     */
    public static LogDistanceFit fit(List<double[]> features, double[] distances) {
        int k = features.getFirst().length + 1;
        if (features.size() < k || features.size() != distances.length) {
            throw new IllegalArgumentException(features.size() + " examples cannot fit " + k + " coefficients");
        }
        double[][] a = new double[k][k + 1]; // [X^T X | X^T y]
        for (int i = 0; i < distances.length; i++) {
            double[] x = row(features.get(i));
            double y = Math.log(distances[i]);
            for (int r = 0; r < k; r++) {
                for (int c = 0; c < k; c++) {
                    a[r][c] += x[r] * x[c];
                }
                a[r][k] += x[r] * y;
            }
        }
        return new LogDistanceFit(solve(a));
    }

    /** The fitted distance {@code exp(b . [1, x])}. */
    public double predict(double[] features) {
        double[] x = row(features);
        double y = 0;
        for (int i = 0; i < x.length; i++) {
            y += coefficients[i] * x[i];
        }
        return Math.exp(y);
    }

    /** b0 (intercept), b1, ... */
    public double[] coefficients() {
        return coefficients.clone();
    }

    private static double[] row(double[] features) {
        double[] x = new double[features.length + 1];
        x[0] = 1;
        System.arraycopy(features, 0, x, 1, features.length);
        return x;
    }

    /** Gauss-Jordan elimination with partial pivoting of an augmented k x (k + 1) system. */
    private static double[] solve(double[][] a) {
        int k = a.length;
        for (int col = 0; col < k; col++) {
            int pivot = col;
            for (int r = col + 1; r < k; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(a[pivot][col]) < 1e-12) {
                throw new IllegalArgumentException("the features do not vary independently: no unique fit");
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            for (int r = 0; r < k; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int c = col; c <= k; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        double[] b = new double[k];
        for (int i = 0; i < k; i++) {
            b[i] = a[i][k] / a[i][i];
        }
        return b;
    }
}
