package org.notmono.model.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** The frequency pooling against the mean of each group of bins written out, remainder dropped. */
class GroupedProjectionPoolingTest {

    @Test
    void poolsGroupsOfBinsAndDropsTheRemainder() {
        int n = 3, c = 2, bins = 129, pool = 4;
        float[] x = new float[n * c * bins];
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray pooled = GroupedProjection.poolFrequency(manager.create(x, new Shape(n, c, bins)), pool);
            int bands = bins / pool;
            assertEquals(new Shape(n, c, bands), pooled.getShape());
            float[] expected = new float[n * c * bands];
            for (int row = 0; row < n * c; row++) {
                for (int b = 0; b < bands; b++) {
                    double sum = 0;
                    for (int k = 0; k < pool; k++) {
                        sum += x[row * bins + b * pool + k];
                    }
                    expected[row * bands + b] = (float) (sum / pool);
                }
            }
            assertArrayEquals(expected, pooled.toFloatArray(), 1e-6f);
            assertEquals(x.length, GroupedProjection.poolFrequency(manager.create(x, new Shape(n, c, bins)), 1).size());
        }
    }
}
