package org.notmono.model.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The filterbank against the HTK mel formula mel = 2595 log10(1 + f / 700), read back through unit impulses. */
class MelFilterbankTest {
    private static final int BANDS = 64;
    private static final int FFT = 256;
    private static final int RATE = 16000;

    private static double mel(double hz) {
        return 2595 * Math.log10(1 + hz / 700);
    }

    private static double hz(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }

    /** weights[band][bin], recovered from the log-mel of a power spectrum with one unit bin. */
    private static double[][] weights(MelFilterbank bank) {
        int bins = FFT / 2 + 1;
        double[][] w = new double[BANDS][bins];
        float[] out = new float[BANDS];
        for (int k = 0; k < bins; k++) {
            float[] power = new float[bins];
            power[k] = 1;
            bank.logMel(power, out, 0);
            for (int m = 0; m < BANDS; m++) {
                w[m][k] = Math.exp(out[m]) - 1e-8;
            }
        }
        return w;
    }

    @Test
    void bandsAreTrianglesBetweenMelSpacedEdgesWithUnitArea() {
        double[][] w = weights(new MelFilterbank(BANDS, FFT, RATE));
        double maxMel = mel(RATE / 2.0);
        int wide = 0;
        for (int m = 0; m < BANDS; m++) {
            double lower = hz(maxMel * m / (BANDS + 1));
            double centre = hz(maxMel * (m + 1) / (BANDS + 1));
            double upper = hz(maxMel * (m + 2) / (BANDS + 1));
            double area = 0;
            double[] triangle = new double[w[m].length];
            double triangleArea = 0;
            for (int k = 0; k < w[m].length; k++) {
                double f = k * (double) RATE / FFT;
                area += w[m][k];
                triangle[k] = Math.max(0, Math.min((f - lower) / (centre - lower), (upper - f) / (upper - centre)));
                triangleArea += triangle[k];
            }
            assertEquals(1, area, 1e-5, "band " + m + " has unit area");
            if (triangleArea > 0) {
                // the triangle rising from the lower edge to the centre and falling to the upper edge, zero outside
                wide++;
                for (int k = 0; k < w[m].length; k++) {
                    assertEquals(triangle[k] / triangleArea, w[m][k], 1e-5, "band " + m + " bin " + k);
                }
            } else {
                // a band narrower than a bin is the bin nearest its centre
                assertEquals(1, w[m][(int) Math.round(centre * FFT / RATE)], 1e-5, "band " + m);
            }
        }
        assertTrue(wide > 40, "most bands span bins: " + wide);
    }
}
