package org.notmono.sim.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class DecayAnalysisTest {

    @Test
    void exponentialNoiseHasItsOwnRt60() {
        int fs = 16000;
        double rt60 = 0.8;
        float[] h = new float[(int) (1.5 * fs)];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < h.length; i++) {
            h[i] = (float) (Math.pow(10, -3.0 * i / (rt60 * fs)) * r.nextGaussian());
        }
        assertEquals(rt60, DecayAnalysis.t30(h, fs), 0.03);
        assertEquals(rt60, DecayAnalysis.t20(h, fs), 0.03);
    }

    @Test
    void shortDecayGivesNaN() {
        float[] h = {1, 0.5f, 0.25f};
        assertTrue(Double.isNaN(DecayAnalysis.t30(h, 16000)));
    }

    @Test
    void directToReverberantOfTwoImpulses() {
        float[] h = new float[2000];
        h[100] = 1;
        h[1000] = 0.5f;
        assertEquals(10 * Math.log10(1 / 0.25), DecayAnalysis.directToReverberant(h, 16000), 1e-9);
    }

    /**
     * A direct sound spread over a few taps (as the fractional delay spreads it) and an exponential
     * reverberant tail starting after the 2.5-ms window: the DRR is the ratio of the two energies.
     */
    @Test
    void directToReverberantOfASpreadDirectSoundAndATail() {
        int fs = 16000;
        float[] h = new float[fs];
        float[] direct = {0.1f, -0.3f, 0.9f, 0.35f, -0.12f};
        System.arraycopy(direct, 0, h, 398, direct.length); // peak at 400
        double directEnergy = 0;
        for (float v : direct) {
            directEnergy += v * v;
        }
        double tailEnergy = 0;
        for (int i = 400 + 41; i < h.length; i++) { // after the window of 2.5 ms = 40 samples
            h[i] = (float) (0.05 * Math.exp(-(i - 441) / 800.0) * ((i % 2 == 0) ? 1 : -1));
            tailEnergy += (double) h[i] * h[i];
        }
        assertEquals(10 * Math.log10(directEnergy / tailEnergy), DecayAnalysis.directToReverberant(h, fs), 1e-6);
    }
}
