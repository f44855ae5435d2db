package org.notmono.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplerTest {

    private static float[] sine(double freq, int rate, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) Math.sin(2 * Math.PI * freq * i / rate);
        }
        return x;
    }

    /** Largest error against the ideal sine, away from the edges. */
    private static double maxError(float[] y, double freq, int rate) {
        double worst = 0;
        for (int i = 200; i < y.length - 200; i++) {
            worst = Math.max(worst, Math.abs(y[i] - Math.sin(2 * Math.PI * freq * i / rate)));
        }
        return worst;
    }

    @ParameterizedTest
    @CsvSource({"44100,16000", "48000,16000", "16000,48000", "24000,16000", "22050,44100", "16000,44100"})
    void aSineInThePassBandStaysTheSameSine(int from, int to) {
        float[] y = Resampler.resample(sine(1000, from, from), from, to);
        assertEquals((int) Math.ceil((double) from * to / from), y.length);
        assertTrue(maxError(y, 1000, to) < 2e-3, "error " + maxError(y, 1000, to));
    }

    @ParameterizedTest
    @CsvSource({"44100,16000", "48000,16000"})
    void frequenciesAboveTheNewNyquistAreRemoved(int from, int to) {
        float[] y = Resampler.resample(sine(12000, from, from), from, to);
        double peak = 0;
        for (int i = 200; i < y.length - 200; i++) {
            peak = Math.max(peak, Math.abs(y[i]));
        }
        assertTrue(peak < 1e-3, "aliased peak " + peak);
    }
}
