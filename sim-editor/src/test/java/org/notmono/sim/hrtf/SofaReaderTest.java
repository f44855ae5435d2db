package org.notmono.sim.hrtf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SofaReaderTest {

    private static HrtfSet kemar;

    @BeforeAll
    static void read() throws IOException {
        kemar = SofaReader.kemar(48000);
    }

    @Test
    void kemarHas710DirectionsInTheProjectConvention() {
        assertEquals(710, kemar.size());
        assertEquals(48000, kemar.sampleRate());
        for (HrtfSet.Direction d : kemar.directions()) {
            assertTrue(d.azimuth() >= -180 && d.azimuth() < 180, "azimuth " + d.azimuth());
            assertTrue(d.elevation() >= -90 && d.elevation() <= 90, "elevation " + d.elevation());
        }
        // 44.1 kHz responses resampled to 48 kHz grow by 48/44.1
        assertTrue(kemar.length() > 512 * 48000 / 44100 - 2, "length " + kemar.length());
    }

    @Test
    void leftEarIsLouderForASourceAtPlus90AndRightEarAtMinus90() {
        int left = kemar.nearest(90, 0);
        int right = kemar.nearest(-90, 0);
        assertEquals(90, kemar.directions().get(left).azimuth(), 1e-9);
        assertEquals(-90, kemar.directions().get(right).azimuth(), 1e-9);
        assertTrue(energy(kemar.left()[left]) > 4 * energy(kemar.right()[left]), "azimuth +90: left ear not louder");
        assertTrue(energy(kemar.right()[right]) > 4 * energy(kemar.left()[right]), "azimuth -90: right ear not louder");
    }

    @Test
    void frontIsSymmetric() {
        int front = kemar.nearest(0, 0);
        double ratio = energy(kemar.left()[front]) / energy(kemar.right()[front]);
        assertTrue(ratio > 0.5 && ratio < 2, "front left/right energy ratio " + ratio);
    }

    @Test
    void notSofaIsReportedWithItsName() {
        IOException e = assertThrows(IOException.class,
                () -> SofaReader.read("not hdf5".getBytes(StandardCharsets.UTF_8), "bad.sofa", 48000));
        assertTrue(e.getMessage().contains("bad.sofa"), e.getMessage());
    }

    private static double energy(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += v * v;
        }
        return sum;
    }
}
