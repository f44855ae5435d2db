package org.notmono.sim.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The non-default options scale each image as documented. */
class RirOptionsTest {
    private static final Point3 S = new Point3(2, 3, 1.5), R = new Point3(4, 2, 1.7);

    private static float[] direct(boolean air, boolean fourPi) {
        RirOptions o = new RirOptions(0, false, air, fourPi, TailModel.NONE, RirOptions.SPEED_OF_SOUND);
        return RoomSimulator.omni(new RirRequest(new Shoebox(6, 5, 3), Absorption.uniform(0.2), S, R, Orientation.FRONT, 16000, o));
    }

    private static double sum(float[] x) {
        double s = 0;
        for (float v : x) {
            s += v;
        }
        return s;
    }

    @Test
    void inverseFourPiScalesEveryImage() {
        double plain = sum(direct(false, false));
        assertEquals(1 / (4 * Math.PI), sum(direct(false, true)) / plain, 1e-6);
    }

    @Test
    void airAbsorptionBandsRecombineExactly() {
        // with one coefficient for all bands, the filter bank must give the single-band RIR back
        RirRequest req = new RirRequest(new Shoebox(6, 5, 3), Absorption.uniform(0.2), S, R, Orientation.FRONT, 16000,
                RirOptions.pyroomacoustics(8));
        double m = 2e-3;
        double[] same = new double[AirAbsorption.CENTRES.length];
        java.util.Arrays.fill(same, m);
        float[][] banded = AirAbsorption.compute(req, false, same);
        float[][] single = new ImageSourceMethod(req.room(), req.absorption(), S, R, Orientation.FRONT, 16000, req.options(),
                false, m).compute();
        for (int c = 0; c < 4; c++) {
            for (int i = 0; i < single[c].length; i++) {
                assertEquals(single[c][i], banded[c][i], 1e-5, "channel " + c + " sample " + i);
            }
        }
        for (double f = 0; f <= 8000; f += 37) {
            double total = 0;
            for (int b = 0; b < AirAbsorption.bandCount(16000); b++) {
                total += AirAbsorption.gain(b, AirAbsorption.bandCount(16000), f);
            }
            assertEquals(1.0, total, 1e-12, "gains sum to one at " + f + " Hz");
        }
    }

    @Test
    void airAbsorptionDampsHighFrequenciesOfLatePathsMost() {
        RirRequest dry = new RirRequest(new Shoebox(10, 8, 4), Absorption.uniform(0.1), S, R, Orientation.FRONT, 16000,
                RirOptions.pyroomacoustics(20));
        RirRequest air = new RirRequest(dry.room(), dry.absorption(), S, R, Orientation.FRONT, 16000,
                new RirOptions(20, false, true, false, TailModel.NONE, RirOptions.SPEED_OF_SOUND));
        float[] a = highFrequencies(RoomSimulator.omni(dry)), b = highFrequencies(RoomSimulator.omni(air));
        // above a few kHz, long paths lose much more energy with air absorption than the direct sound does
        int late = a.length / 2;
        double early = energy(b, 0, 400) / energy(a, 0, 400), lateRatio = energy(b, late, a.length) / energy(a, late, a.length);
        assertTrue(early > 0.85, "direct sound barely changes: " + early);
        assertTrue(lateRatio < 0.6 * early, "late high-frequency energy ratio " + lateRatio + " vs early " + early);
    }

    /** Second difference: a crude high-pass that keeps mostly the top octaves. */
    private static float[] highFrequencies(float[] h) {
        float[] d = new float[h.length];
        for (int i = 2; i < h.length; i++) {
            d[i] = h[i] - 2 * h[i - 1] + h[i - 2];
        }
        return d;
    }

    private static double energy(float[] h, int from, int to) {
        double e = 0;
        for (int i = from; i < to; i++) {
            e += h[i] * h[i];
        }
        return e;
    }

    @Test
    void highPassRemovesDcFromEveryFoaChannel() {
        RirRequest req = new RirRequest(new Shoebox(6, 5, 3), Absorption.uniform(0.2), S, R, Orientation.FRONT, 16000,
                RirOptions.pyroomacoustics(10).withHighPass(true));
        float[][] h = RoomSimulator.foa(req);
        float[][] raw = RoomSimulator.foa(new RirRequest(req.room(), req.absorption(), S, R, Orientation.FRONT, 16000,
                RirOptions.pyroomacoustics(10)));
        for (int c = 0; c < 4; c++) {
            assertTrue(Math.abs(sum(h[c])) < 0.2 * Math.abs(sum(raw[c])), "channel " + c);
        }
    }
}
