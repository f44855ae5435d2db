package org.notmono.model.encoder.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/** The element-wise operations against their formulas, evaluated in double precision. */
class OpsTest {
    private static final float[] X = {-100f, -20f, -1f, -0.25f, 0f, 0.5f, 1f, 20f, 100f};

    @Test
    void softplusIsLogOfOnePlusEToTheXEvenWhereEToTheXOverflows() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] y = Ops.softplus(manager.create(X)).toFloatArray();
            for (int i = 0; i < X.length; i++) {
                double x = X[i];
                // log1p(exp(x)) in double; in float, e^100 would overflow and 1 + e^-20 rounds to 1
                double expected = Math.log1p(Math.exp(x));
                assertEquals(expected, y[i], Math.max(1e-6 * Math.abs(expected), 1e-6), "softplus(" + x + ")");
            }
        }
    }

    @Test
    void softplusGradientIsTheSigmoid() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(X);
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(Ops.softplus(x).sum());
            }
            float[] grad = x.getGradient().toFloatArray();
            for (int i = 0; i < X.length; i++) {
                assertEquals(1 / (1 + Math.exp(-X[i])), grad[i], 1e-6, "d softplus / dx at " + X[i]);
            }
        }
    }

    @Test
    void siluIsXTimesItsSigmoidAndOneMinusAndScaleAreExact() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(X);
            float[] silu = Ops.silu(x).toFloatArray();
            float[] oneMinus = Ops.oneMinus(x).toFloatArray();
            float[] scaled = Ops.scale(x, -2.5f).toFloatArray();
            for (int i = 0; i < X.length; i++) {
                double s = X[i] / (1 + Math.exp(-X[i]));
                assertEquals(s, silu[i], Math.max(1e-6 * Math.abs(s), 1e-6), "silu(" + X[i] + ")");
                assertEquals(1 - X[i], oneMinus[i], 0, "1 - " + X[i]);
                assertEquals(-2.5f * X[i], scaled[i], 0, "-2.5 * " + X[i]);
            }
        }
    }

    @Test
    void l2NormalizeGivesUnitRowsInTheSameDirection() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[][] rows = {{3f, 4f, 0f}, {-1f, 2f, -2f}};
            float[] out = Ops.l2Normalize(manager.create(rows)).toFloatArray();
            for (int r = 0; r < rows.length; r++) {
                double norm = Math.sqrt(rows[r][0] * rows[r][0] + rows[r][1] * rows[r][1] + rows[r][2] * rows[r][2]);
                for (int c = 0; c < 3; c++) {
                    assertEquals(rows[r][c] / norm, out[r * 3 + c], 1e-6, "row " + r + ", column " + c);
                }
            }
        }
    }

    /** 3-4-0 is 5 long, -1 2 -2 is 3; a zero row stays finite in value (1e-4) and gradient (0). */
    @Test
    void l2NormIsEachRowsLengthAndFiniteAtZero() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[][] {{3f, 4f, 0f}, {-1f, 2f, -2f}, {0f, 0f, 0f}});
            x.setRequiresGradient(true);
            NDArray norm;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                norm = Ops.l2Norm(x);
                collector.backward(norm.sum());
            }
            assertEquals(new ai.djl.ndarray.types.Shape(3, 1), norm.getShape());
            float[] n = norm.toFloatArray();
            assertEquals(5, n[0], 1e-6);
            assertEquals(3, n[1], 1e-6);
            assertEquals(1e-4, n[2], 1e-9);
            // d|x|/dx = x/|x|; at the zero row 0
            float[] grad = x.getGradient().toFloatArray();
            float[] expected = {0.6f, 0.8f, 0f, -1f / 3, 2f / 3, -2f / 3, 0f, 0f, 0f};
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], grad[i], 1e-6, "gradient " + i);
            }
        }
    }
}
