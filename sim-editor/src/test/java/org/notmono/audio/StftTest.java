package org.notmono.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StftTest {

    private static float[] noise(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return x;
    }

    @ParameterizedTest
    @CsvSource({"8,4,HANN", "64,16,HAMMING", "256,128,HANN", "512,128,BLACKMAN"})
    void framesMatchANaiveDftOfTheWindowedCentredSegment(int size, int hop, WindowFunction wf) {
        float[] x = noise(3 * size + 7, size);
        Stft stft = new Stft(size, hop, wf);
        float[][] frames = stft.forward(x);
        assertEquals(x.length / hop + 1, frames.length);
        float[] w = wf.coefficients(size);
        for (int t : new int[] {0, 1, frames.length / 2, frames.length - 1}) {
            for (int k = 0; k < stft.bins(); k++) {
                double re = 0, im = 0;
                for (int n = 0; n < size; n++) {
                    int i = t * hop - size / 2 + n;
                    double v = i >= 0 && i < x.length ? x[i] * w[n] : 0;
                    re += v * Math.cos(2 * Math.PI * k * n / size);
                    im -= v * Math.sin(2 * Math.PI * k * n / size);
                }
                assertEquals(re, frames[t][2 * k], 1e-3, "re t=" + t + " k=" + k);
                assertEquals(im, frames[t][2 * k + 1], 1e-3, "im t=" + t + " k=" + k);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"256,128,HANN", "512,128,HAMMING", "1024,256,BLACKMAN", "64,64,HAMMING"})
    void inverseReconstructsTheSignal(int size, int hop, WindowFunction wf) {
        float[] x = noise(10_000, 7);
        Stft stft = new Stft(size, hop, wf);
        assertArrayEquals(x, stft.inverse(stft.forward(x), x.length), 1e-4f);
    }

    @Test
    void theEncoderMapHasEightRealChannelsOfTheTwnmShape() {
        float[][] foa = {noise(32000, 1), noise(32000, 2), noise(32000, 3), noise(32000, 4)};
        Stft stft = Stft.encoder();
        float[][][] map = stft.realImaginaryMap(foa);
        assertEquals(8, map.length);
        assertEquals(251, map[0].length);
        assertEquals(129, map[0][0].length);
        float[][] z = stft.forward(foa[2]);
        assertEquals(z[100][2 * 17], map[4][100][17]);
        assertEquals(z[100][2 * 17 + 1], map[5][100][17]);
    }

    @Test
    void badSizesAreRefusedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> new Stft(300, 100, WindowFunction.HANN));
        assertThrows(IllegalArgumentException.class, () -> new Stft(256, 0, WindowFunction.HANN));
        Stft gappy = new Stft(64, 64, WindowFunction.HANN);
        assertThrows(IllegalArgumentException.class, () -> gappy.inverse(gappy.forward(noise(1000, 1)), 1000));
    }
}
