package org.notmono.sim.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RoomAcousticsTest {
    private static final Shoebox ROOM = new Shoebox(6, 5, 3);
    private static final double C = 343;

    @Test
    void sabineAndEyringClosedForms() {
        Absorption a = Absorption.uniform(0.2);
        double v = 90, s = 126;
        assertEquals(24 * Math.log(10) * v / (C * s * 0.2), RoomAcoustics.sabine(ROOM, a, C), 1e-9);
        assertEquals(24 * Math.log(10) * v / (-C * s * Math.log(0.8)), RoomAcoustics.eyring(ROOM, a, C), 1e-9);
        // pyroomacoustics' own values (cases.json), which differ by ~1e-7 relative
        assertEquals(0.5754064214517034, RoomAcoustics.sabine(ROOM, a, C), 1e-6);
        assertEquals(0.5157276281938, RoomAcoustics.eyring(ROOM, a, C), 1e-6);
    }

    @Test
    void eyringStaysFiniteForATinyAbsorption() {
        // log(1 - 1e-300) rounds to 0; the limit of Eyring for a -> 0 is Sabine
        Absorption tiny = Absorption.uniform(1e-300);
        double eyring = RoomAcoustics.eyring(ROOM, tiny, C);
        assertTrue(eyring > 0 && Double.isFinite(eyring), "Eyring " + eyring);
        assertEquals(RoomAcoustics.sabine(ROOM, tiny, C), eyring, 1e-9 * eyring);
    }

    @Test
    void anImpulseResponseOfMinutesIsRefusedBeforeItIsComputed() {
        RirRequest req = new RirRequest(new Shoebox(1e6, 1e6, 1e6), Absorption.uniform(1), new Point3(1, 1, 1),
                new Point3(2, 2, 2), Orientation.FRONT, 16000, RirOptions.pyroomacoustics(17));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RoomSimulator.foa(req));
        assertTrue(e.getMessage().startsWith("the impulse response would last"), e.getMessage());
    }

    @Test
    void perWallAbsorptionIsAreaWeighted() {
        Absorption a = new Absorption(0.1, 0.2, 0.3, 0.4, 0.5, 0.6);
        double area = (0.1 + 0.2) * 15 + (0.3 + 0.4) * 18 + (0.5 + 0.6) * 30;
        assertEquals(area, a.absorptionArea(ROOM), 1e-12);
        assertEquals(24 * Math.log(10) * 90 / (C * area), RoomAcoustics.sabine(ROOM, a, C), 1e-9);
    }

    @Test
    void inverseSabineRoundTripsAndMatchesReference() {
        double a = RoomAcoustics.inverseSabine(0.5, ROOM, C);
        assertEquals(24 * Math.log(10) * 90 / (C * 126 * 0.5), a, 1e-9);
        assertEquals(0.5, RoomAcoustics.sabine(ROOM, Absorption.uniform(a), C), 1e-9);
        assertEquals(0.2301626082126493, a, 1e-6);
    }

    @Test
    void unreachableRt60IsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RoomAcoustics.inverseSabine(0.05, ROOM, C));
        assertTrue(e.getMessage().contains("not reachable") && e.getMessage().contains("0.115"), e.getMessage());
    }

    @Test
    void absorptionOutsideRangeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Absorption.uniform(0));
        assertThrows(IllegalArgumentException.class, () -> Absorption.uniform(1.2));
        assertThrows(IllegalArgumentException.class, () -> new Absorption(0.2, 0.2, -0.1, 0.2, 0.2, 0.2));
        assertEquals(1.0, Absorption.uniform(1).get(Wall.FLOOR));
    }

    @Test
    void imageCountFormulaMatchesEnumerationAndReference() {
        for (int n = 0; n <= 20; n++) {
            long enumerated = 0;
            for (int x = -n; x <= n; x++) {
                for (int y = -(n - Math.abs(x)); y <= n - Math.abs(x); y++) {
                    enumerated += 2L * (n - Math.abs(x) - Math.abs(y)) + 1;
                }
            }
            assertEquals(enumerated, ImageSourceMethod.imageCount(n), "order " + n);
        }
        assertEquals(1561, ImageSourceMethod.imageCount(10));
        assertEquals(7175, ImageSourceMethod.imageCount(17));
        assertEquals(392217, ImageSourceMethod.imageCount(66));
    }

    @Test
    void criticalDistance() {
        Absorption a = Absorption.uniform(0.2);
        assertEquals(Math.sqrt(126 * 0.2 / (16 * Math.PI)), RoomAcoustics.criticalDistance(ROOM, a), 1e-12);
    }
}
