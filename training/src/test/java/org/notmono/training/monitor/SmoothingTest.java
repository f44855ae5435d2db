package org.notmono.training.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class SmoothingTest {

    /** The closed form: s_n = sum_k w^(n-k) (1-w) y_k / (1 - w^n), over the finite points only. */
    private static double closedForm(double[] y, double w, int n) {
        double num = 0;
        int m = 0;
        for (int k = 0; k <= n; k++) {
            if (Double.isFinite(y[k])) {
                m++;
            }
        }
        int j = 0;
        for (int k = 0; k <= n; k++) {
            if (Double.isFinite(y[k])) {
                j++;
                num += Math.pow(w, m - j) * (1 - w) * y[k];
            }
        }
        return num / (1 - Math.pow(w, m));
    }

    @Test
    void matchesTheClosedFormOfTheDebiasedAverage() {
        Random r = new Random(7);
        double[] y = new double[300];
        for (int i = 0; i < y.length; i++) {
            y[i] = 2 + Math.sin(i / 10.0) + r.nextGaussian() * 0.3;
        }
        y[40] = Double.NaN;
        y[41] = Double.POSITIVE_INFINITY;
        for (double w : new double[] {0, 0.3, 0.6, 0.9, 0.99}) {
            double[] s = Smoothing.debiasedEma(y, w);
            for (int n = 0; n < y.length; n++) {
                if (n == 40 || n == 41) {
                    assertTrue(Double.isNaN(s[n]), "non-finite points have no smoothed value");
                } else {
                    assertEquals(closedForm(y, w, n), s[n], 1e-9, "w " + w + " n " + n);
                }
            }
        }
    }

    @Test
    void theFirstPointIsNotPulledTowardsZero() {
        double[] constant = {5, 5, 5, 5};
        assertArrayEquals(constant, Smoothing.debiasedEma(constant, 0.99), 1e-12,
                "a constant stays constant (the uncorrected EMA would start at 0.05)");
        assertEquals(3.0, Smoothing.debiasedEma(new double[] {3, 100}, 0.9)[0], 0);
    }

    @Test
    void weightOneOrMoreIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Smoothing.debiasedEma(new double[] {1}, 1.0));
    }
}
