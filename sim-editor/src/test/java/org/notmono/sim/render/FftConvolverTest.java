package org.notmono.sim.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class FftConvolverTest {

    @Test
    void matchesDirectConvolutionOverManyBlocks() {
        SplittableRandom r = new SplittableRandom(3);
        float[] x = new float[5000];
        float[][] h = new float[2][300];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble(-1, 1);
        }
        for (float[] row : h) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) r.nextDouble(-1, 1);
            }
        }
        float[][] out = new float[2][4000];
        new FftConvolver(h).convolveAdd(x, 0.5f, out, 7);
        for (int c = 0; c < 2; c++) {
            for (int n = 0; n < out[c].length; n++) {
                double expected = 0;
                for (int k = 0; k < h[c].length; k++) {
                    int i = n - 7 - k;
                    if (i >= 0 && i < x.length) {
                        expected += x[i] * h[c][k];
                    }
                }
                assertEquals(0.5 * expected, out[c][n], 1e-3, "channel " + c + " sample " + n);
            }
        }
    }
}
