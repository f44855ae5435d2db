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

    @org.junit.jupiter.api.Test
    void zoomedOutLevelsKeepAShortLoudEvent() {
        int fs = 16000;
        float[] x = new float[60 * fs];
        for (int i = 0; i < 64; i++) {
            x[37 * fs + i] = 0.9f * (i % 2 == 0 ? 1 : -1); // a click at 37 s
        }
        Spectrogram s = Spectrogram.compute(AudioClip.mono(fs, x), new Stft(512, 128, WindowFunction.HANN), TaskContext.none());
        assertEquals(2, s.levels(), "7501 frames, one level of 938 above (a level of 118 would be too coarse)");
        assertEquals(1, s.levelFor(100));
        int width = 60;
        int[] pixels = SpectrogramRenderer.render(s, 0, 0, 60, width, 10, new SpectrogramRenderer.Look(FrequencyScale.LINEAR,
                ColourMap.GREY, 0, 60, 0));
        int loudest = 0;
        for (int px = 0; px < width; px++) {
            if ((pixels[5 * width + px] & 0xff) > (pixels[5 * width + loudest] & 0xff)) {
                loudest = px;
            }
        }
        assertEquals(37, loudest);
        int coarse = (int) s.frameAt(37.002) / Spectrogram.LEVEL_FACTOR;
        float max = Float.NEGATIVE_INFINITY;
        for (int t = coarse * Spectrogram.LEVEL_FACTOR; t < (coarse + 1) * Spectrogram.LEVEL_FACTOR; t++) {
            max = Math.max(max, s.db(0, t, 200));
        }
        assertEquals(max, s.db(1, 0, coarse, 200));
    }

    @org.junit.jupiter.api.Test
    void theWaveformSummaryGivesTheSampleRange() {
        float[] x = new float[10_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.1 * Math.sin(i * 0.01));
        }
        x[5000] = 0.9f;
        AudioClip clip = AudioClip.mono(16000, x);
        WaveformSummary w = WaveformSummary.of(clip);
        for (int[] span : new int[][] {{4096, 6144}, {100, 110}, {0, 10_000}}) {
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (int i = span[0]; i < span[1]; i++) {
                lo = Math.min(lo, x[i]);
                hi = Math.max(hi, x[i]);
            }
            float[] r = w.range(clip, 0, span[0], span[1]);
            assertEquals(lo, r[0], "min of " + span[0] + ".." + span[1]);
            assertEquals(hi, r[1], "max of " + span[0] + ".." + span[1]);
        }
    }
}
