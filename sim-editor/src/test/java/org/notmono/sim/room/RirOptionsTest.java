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
    void inverseFourPiAndAirAbsorptionScaleTheDirectPath() {
        double plain = sum(direct(false, false));
        assertEquals(1 / (4 * Math.PI), sum(direct(false, true)) / plain, 1e-6);
        double d = S.distanceTo(R);
        assertEquals(Math.exp(-0.5 * 1.1e-3 * d), sum(direct(true, false)) / plain, 1e-6);
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
