package org.notmono.model.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.notmono.audio.AudioClip;

/**
 * A plane wave from (az, el) has DESIGN.md's ambiX/SN3D direct-path gains W = 1, Y = sin az cos el,
 * Z = sin el, X = cos az cos el in every time-frequency bin. After the phase reference to W, the
 * real parts of Y, Z, X over W's must be exactly those gains and every imaginary part zero.
 */
class FeatureExtractorTest {
    private static final EncoderConfig TINY = EncoderConfig.named("tiny");

    private static AudioClip planeWave(double azimuth, double elevation, int samples) {
        SplittableRandom random = new SplittableRandom(17);
        double az = Math.toRadians(azimuth);
        double el = Math.toRadians(elevation);
        double[] gains = {1, Math.sin(az) * Math.cos(el), Math.sin(el), Math.cos(az) * Math.cos(el)};
        float[][] x = new float[4][samples];
        for (int i = 0; i < samples; i++) {
            double s = random.nextGaussian(0, 0.05);
            for (int c = 0; c < 4; c++) {
                x[c][i] = (float) (gains[c] * s);
            }
        }
        return new AudioClip(16000, x);
    }

    @Test
    void aPlaneWaveGivesTheFoaGainsAsRatiosToW() {
        double[][] directions = {{60, 20}, {-135, -40}, {0, 0}, {170, 75}};
        for (double[] d : directions) {
            ClipFeatures f = new FeatureExtractor(TINY).extract(planeWave(d[0], d[1], 16000));
            double az = Math.toRadians(d[0]);
            double el = Math.toRadians(d[1]);
            double[] expected = {Math.sin(az) * Math.cos(el), Math.sin(el), Math.cos(az) * Math.cos(el)};
            int checked = 0;
            for (int t = 0; t < f.frames(); t++) {
                for (int k = 1; k < f.bins() - 1; k++) {
                    double w = f.map()[(t * f.bins()) + k];
                    if (w < 0.05) {
                        continue; // near-silent bins carry little and round badly
                    }
                    assertEquals(0, f.map()[(f.frames() + t) * f.bins() + k], 1e-4 * w, "W's own imaginary part");
                    for (int c = 1; c < 4; c++) {
                        double re = f.map()[(2 * c * f.frames() + t) * f.bins() + k];
                        double im = f.map()[((2 * c + 1) * f.frames() + t) * f.bins() + k];
                        assertEquals(expected[c - 1], re / w, 1e-4, "channel " + c + " of " + d[0] + ", " + d[1]);
                        assertEquals(0, im / w, 1e-4);
                    }
                    checked++;
                }
            }
            assertTrue(checked > 1000, "bins checked: " + checked);
        }
    }

    /**
     * W's real part is |W|^p after scaling the clip to unit mean W power (the +1e-3 floor aside):
     * the mean of W_re^(2/p) over all bins is 1.
     */
    @Test
    void wIsCompressedToThePowerPOfItsUnitEnergyMagnitude() {
        ClipFeatures f = new FeatureExtractor(TINY).extract(planeWave(30, 0, 32000));
        double sum = 0;
        int n = f.frames() * f.bins();
        for (int i = 0; i < n; i++) {
            sum += Math.pow(f.map()[i], 2 / TINY.compression());
        }
        assertEquals(1, sum / n, 0.02);
    }

    /** A window is the same whatever else is in the clip: it is cut and normalised by itself. */
    @Test
    void aWindowIsCutZeroPaddedAndNormalisedByItself() {
        AudioClip clip = planeWave(45, 10, 16000);
        AudioClip padded = FeatureExtractor.cut(clip, -0.5, 1.0);
        assertEquals(Math.round(1.05 * 16000), padded.frames());
        assertEquals(0f, padded.channel(0)[7999]);
        assertEquals(clip.channel(0)[0], padded.channel(0)[8000]);
        ClipFeatures window = new FeatureExtractor(TINY).window(clip, 0, 0.5);
        assertEquals(TINY.frames(8000), window.frames());
        float[][] louder = new float[4][];
        for (int c = 0; c < 4; c++) {
            louder[c] = clip.channel(c).clone();
            for (int i = 9000; i < louder[c].length; i++) {
                louder[c][i] *= 100; // past the window and its margin
            }
        }
        ClipFeatures same = new FeatureExtractor(TINY).window(new AudioClip(16000, louder), 0, 0.5);
        assertEquals(java.util.Arrays.toString(window.map()), java.util.Arrays.toString(same.map()));
    }
}
