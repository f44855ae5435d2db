package org.notmono.sim.room;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Order 0 leaves only the direct path: its gains must be the SN3D formulas and its arrival exact. */
class DirectPathTest {

    @ParameterizedTest
    @CsvSource({
        "2,3,1.5, 4,2,1.7, 0,0,0",
        "5,1,2.5, 1,4,1.2, 30,0,0",
        "1,1,0.5, 4,4,2.0, -120,20,0",
        "3,4,1.0, 3.5,1,2.2, 45,-30,60",
    })
    void gainsAndArrival(double sx, double sy, double sz, double rx, double ry, double rz,
                         double yaw, double pitch, double roll) {
        int fs = 16000;
        Point3 s = new Point3(sx, sy, sz), r = new Point3(rx, ry, rz);
        Orientation o = new Orientation(yaw, pitch, roll);
        float[][] h = RoomSimulator.foa(new RirRequest(new Shoebox(6, 5, 3), Absorption.uniform(0.2), s, r, o, fs,
                RirOptions.pyroomacoustics(0)));
        double d = s.distanceTo(r);
        double arrival = d / RirOptions.SPEED_OF_SOUND * fs + 40;
        int nearest = (int) Math.round(arrival);
        int peak = 0;
        for (int i = 0; i < h[0].length; i++) {
            if (Math.abs(h[0][i]) > Math.abs(h[0][peak])) {
                peak = i;
            }
        }
        assertEquals(nearest, peak, "arrival sample (exact " + arrival + ")");
        // gains: ratio of each channel's sum to W's sum (the kernel sums the same for every channel)
        double[] expected = o.directionOf(s.minus(r)).foaGains();
        double w = sum(h[0]);
        assertEquals(1 / d, w / kernelSum(arrival), 1e-3, "W amplitude 1/r");
        for (int c = 1; c < 4; c++) {
            assertEquals(expected[c], sum(h[c]) / w, 1e-3, "channel " + c);
        }
        // the formulas themselves, from azimuth and elevation, against the geometry
        Direction dir = o.directionOf(s.minus(r));
        double az = Math.toRadians(dir.azimuth()), el = Math.toRadians(dir.elevation());
        assertEquals(Math.sin(az) * Math.cos(el), expected[1], 1e-12);
        assertEquals(Math.sin(el), expected[2], 1e-12);
        assertEquals(Math.cos(az) * Math.cos(el), expected[3], 1e-12);
    }

    private static double sum(float[] x) {
        double s = 0;
        for (float v : x) {
            s += v;
        }
        return s;
    }

    private static double kernelSum(double arrival) {
        float[] k = new float[FractionalDelay.TAPS];
        FractionalDelay.get().kernel(arrival - Math.floor(arrival), k);
        double s = 0;
        for (float v : k) {
            s += v;
        }
        return s;
    }
}
