package org.notmono.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Levels against their formulas on signals whose levels are known in closed form. */
class LevelsTest {
    private static final int FS = 16000;

    private static float[] sine(double amplitude, double hz, double offset, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (offset + amplitude * Math.sin(2 * Math.PI * hz * i / FS));
        }
        return x;
    }

    @Test
    void removingTheDcLeavesTheSineAlone() {
        // a whole number of periods: the sine's own mean is zero, so the mean is the offset
        float[] x = sine(0.5, 1000, 0.3, FS);
        assertEquals(0.3, Levels.mean(x), 1e-6);
        assertEquals(0.3, Levels.removeDc(x), 1e-6);
        assertEquals(0, Levels.mean(x), 1e-6);
        assertArrayEquals(sine(0.5, 1000, 0, FS), x, 1e-6f);
    }

    @Test
    void peakAndRmsInDbfs() {
        float[] x = sine(0.5, 1000, 0, FS);
        assertEquals(20 * Math.log10(0.5), Levels.peakDb(new float[][] {x, new float[FS]}), 1e-4);
        assertEquals(20 * Math.log10(0.5 / Math.sqrt(2)), Levels.rmsDb(x), 1e-4, "a sine's RMS is its amplitude / sqrt 2");
        assertEquals(Double.NEGATIVE_INFINITY, Levels.peakDb(new float[][] {new float[10]}));
    }

    @Test
    void normalisationReachesItsTarget() {
        float[][] loud = {sine(2.8, 440, 0, FS), sine(1.0, 440, 0, FS)};
        float[][] peak = Levels.Normalisation.PEAK.apply(loud);
        assertEquals(-1, Levels.peakDb(peak), 1e-3);
        assertEquals(20 * Math.log10(1.0 / 2.8), Levels.peakDb(new float[][] {peak[1]}) - Levels.peakDb(new float[][] {peak[0]}), 1e-3,
                "one gain for all channels keeps their balance");
        float[][] rms = Levels.Normalisation.LOUDNESS.apply(loud);
        assertEquals(-23, Levels.rmsDb(rms[0]), 1e-3);
        assertEquals(loud, Levels.Normalisation.NONE.apply(loud));
        assertEquals(0, Levels.Normalisation.PEAK.gainDb(new float[][] {new float[8]}), "silence stays silent");
    }
}
