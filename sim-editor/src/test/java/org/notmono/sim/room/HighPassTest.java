package org.notmono.sim.room;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The RIR high-pass against the closed form of a bilinear-transformed 2nd-order Butterworth run
 * forwards and backwards: one pass has |H| = 1 / sqrt(1 + (tan(pi fc / fs) / tan(pi f / fs))^4),
 * so the two passes of filtfilt scale a sine by |H|^2 = 1 / (1 + r^4).
 */
class HighPassTest {
    private static final int FS = 16000;

    private static double expectedGain(double f) {
        double r = Math.tan(Math.PI * HighPass.CUTOFF_HZ / FS) / Math.tan(Math.PI * f / FS);
        return 1 / (1 + Math.pow(r, 4));
    }

    @ParameterizedTest
    @ValueSource(doubles = {2.5, 5, 10, 20, 40, 1000})
    void aSinesGainFollowsTheButterworthFormula(double hz) {
        int n = 20 * FS; // long enough for the filter's start and end to settle far from the middle
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) Math.sin(2 * Math.PI * hz * i / FS);
        }
        new HighPass(HighPass.CUTOFF_HZ, FS).filtfilt(x);
        // amplitude over the middle 4 s, where the sine is steady: sqrt(2) * RMS
        double sum = 0;
        int from = 8 * FS, to = 12 * FS;
        for (int i = from; i < to; i++) {
            sum += (double) x[i] * x[i];
        }
        double gain = Math.sqrt(2 * sum / (to - from));
        assertEquals(expectedGain(hz), gain, 2e-3 + 0.01 * expectedGain(hz), hz + " Hz");
    }

    @Test
    void theCutoffIsHalfGainAndDcIsGone() {
        assertEquals(0.5, expectedGain(HighPass.CUTOFF_HZ), 1e-12, "-3 dB per pass, -6 dB for both");
        float[] dc = new float[4 * FS];
        java.util.Arrays.fill(dc, 0.7f);
        new HighPass(HighPass.CUTOFF_HZ, FS).filtfilt(dc);
        for (float v : dc) {
            assertEquals(0, v, 1e-4, "a constant is removed, ends included");
        }
    }
}
