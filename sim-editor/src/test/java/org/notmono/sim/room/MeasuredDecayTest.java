package org.notmono.sim.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Measured T30 of simulated RIRs against Sabine, for rooms whose longest side is at most 3x the shortest. */
class MeasuredDecayTest {
    private static final int FS = 16000;

    @ParameterizedTest
    @CsvSource({
        "6,5,3, 0.1, eyring", "6,5,3, 0.3, sabine", "3,3,2.5, 0.1, eyring", "8,6,3.5, 0.2, eyring",
        "4,4,3, 0.3, eyring", "9,7,4, 0.15, sabine",
    })
    void tailDecaysLikeTheRoom(double x, double y, double z, double a, String tail) {
        RirRequest req = request(x, y, z, a, RirOptions.pyroomacoustics(17).withTail(TailModel.fromId(tail)));
        double t30 = DecayAnalysis.t30(RoomSimulator.foa(req)[0], FS);
        double sabine = RoomAcoustics.sabine(req.room(), req.absorption(), RirOptions.SPEED_OF_SOUND);
        assertInRange(t30 / sabine);
        // and the tail decays at its own target within 15 %
        assertEquals(1.0, t30 / req.targetRt60(), 0.15, "tail T30 against its " + tail + " target");
    }

    @ParameterizedTest
    @CsvSource({"6,5,3, 0.3, 40", "4,4,3, 0.5, 30", "5,4,2.5, 0.4, 40"})
    void fullOrderDecaysLikeTheRoom(double x, double y, double z, double a, int order) {
        RirRequest req = request(x, y, z, a, RirOptions.pyroomacoustics(order));
        double t30 = DecayAnalysis.t30(RoomSimulator.foa(req)[0], FS);
        assertInRange(t30 / RoomAcoustics.sabine(req.room(), req.absorption(), RirOptions.SPEED_OF_SOUND));
    }

    @ParameterizedTest
    @CsvSource({"6,5,3, 0.1", "8,6,3.5, 0.2", "3,3,2.5, 0.15"})
    void tailContinuesTheImageSourceLevel(double x, double y, double z, double a) {
        RirRequest req = request(x, y, z, a, RirOptions.pyroomacoustics(17).withTail(TailModel.EYRING));
        float[] w = RoomSimulator.foa(req)[0];
        int start = DiffuseTail.takeOverSample(req);
        int window = FS / 50;
        double before = energy(w, start - 2 * window, start - window), after = energy(w, start + window, start + 2 * window);
        // 20 ms apart on both sides of the 5 ms crossfade: the level follows the decay, no step
        double expectedDb = -60 * (2 * window / (double) FS) / req.targetRt60();
        assertEquals(expectedDb, 10 * Math.log10(after / before), 3.0, "level change across the take-over");
    }

    private static double energy(float[] h, int from, int to) {
        double e = 0;
        for (int i = from; i < to; i++) {
            e += h[i] * h[i];
        }
        return e;
    }

    private static void assertInRange(double ratio) {
        assertTrue(ratio >= 0.8 && ratio <= 1.5, "T30 / Sabine = " + ratio);
    }

    private static RirRequest request(double x, double y, double z, double a, RirOptions o) {
        return new RirRequest(new Shoebox(x, y, z), Absorption.uniform(a), new Point3(1.1, 1.3, 1.4),
                new Point3(x - 1.2, y - 0.9, 1.6), Orientation.FRONT, FS, o);
    }
}
