package org.notmono.viewer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.notmono.audio.AudioClip;
import org.notmono.audio.Stft;
import org.notmono.audio.WindowFunction;
import org.notmono.task.TaskContext;

class SpectrogramRendererTest {

    @ParameterizedTest
    @EnumSource(FrequencyScale.class)
    void aSineIsBrightestInTheRowOfItsFrequency(FrequencyScale scale) {
        int fs = 16000;
        float[] x = new float[fs];
        for (int i = 0; i < fs; i++) {
            x[i] = (float) Math.sin(2 * Math.PI * 1000 * i / fs);
        }
        Spectrogram s = Spectrogram.compute(AudioClip.mono(fs, x), new Stft(1024, 256, WindowFunction.HANN), TaskContext.none());
        int mid = s.frames() / 2;
        assertEquals(0, s.db(0, mid, 64), 0.5, "a full-scale sine reads 0 dB");
        int height = 200;
        int[] pixels = SpectrogramRenderer.render(s, 0, 0, 1, 50, height,
                new SpectrogramRenderer.Look(scale, ColourMap.GREY, 0, 60, 0));
        int brightest = 0;
        for (int y = 0; y < height; y++) {
            if ((pixels[y * 50 + 25] & 0xff) > (pixels[brightest * 50 + 25] & 0xff)) {
                brightest = y;
            }
        }
        double expected = (1 - scale.fraction(1000, fs / 2.0)) * height;
        assertEquals(expected, brightest, 2.0, scale + " row");
        assertEquals(ColourMap.GREY.argb(1.0), pixels[brightest * 50 + 25]);
    }

    @ParameterizedTest
    @EnumSource(FrequencyScale.class)
    void fractionInvertsFrequency(FrequencyScale scale) {
        for (double f : new double[] {0.1, 0.5, 0.9}) {
            assertEquals(f, scale.fraction(scale.frequency(f, 8000), 8000), 1e-9);
        }
    }
}
