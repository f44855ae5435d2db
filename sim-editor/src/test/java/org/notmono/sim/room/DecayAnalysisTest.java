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
}
