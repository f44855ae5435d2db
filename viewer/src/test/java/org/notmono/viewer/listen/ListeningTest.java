package org.notmono.viewer.listen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.notmono.audio.AudioClip;
import org.notmono.sim.scene.Angles;

class ListeningTest {

    private static AudioClip planeWave(double az, double el) {
        int n = 16000;
        double[] u = Angles.unitVector(az, el);
        double[] g = {1, u[1], u[2], u[0]};
        float[][] foa = new float[4][n];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            double s = r.nextGaussian() * 0.1;
            for (int c = 0; c < 4; c++) {
                foa[c][i] = (float) (g[c] * s);
            }
        }
        return new AudioClip(16000, foa);
    }

    private static double energyDb(float[] x) {
        double e = 0;
        for (float v : x) {
            e += v * v;
        }
        return 10 * Math.log10(e + 1e-30);
    }

    @Test
    void turningTheHeadTowardsASourceBringsItToTheFront() {
        float[][] rotated = FoaRotation.yaw(planeWave(60, 10).channels(), 60);
        double[] front = Angles.unitVector(0, 10);
        for (int i = 0; i < 100; i++) {
            float w = rotated[0][i];
            assertEquals(front[0] * w, rotated[3][i], 1e-5);
            assertEquals(front[1] * w, rotated[1][i], 1e-5);
        }
    }

    @Test
    void virtualCardioidsPutALeftSourceInTheLeftChannelOnly() {
        float[][] lr = StereoDecoder.decode(planeWave(90, 0).channels());
        assertTrue(energyDb(lr[0]) - energyDb(lr[1]) > 60);
    }

    @Test
    void binauralLeftSourceIsLouderInTheLeftEarAndTheYawSwapsIt() throws IOException {
        AudioClip left = planeWave(90, 0);
        AudioClip heard = Listening.render(left, 0, Listening.Mode.BINAURAL);
        assertEquals(2, heard.channelCount());
        assertEquals(left.frames(), heard.frames());
        assertTrue(energyDb(heard.channel(0)) - energyDb(heard.channel(1)) > 6,
                "ILD " + (energyDb(heard.channel(0)) - energyDb(heard.channel(1))));
        AudioClip turned = Listening.render(left, 180, Listening.Mode.BINAURAL);
        assertTrue(energyDb(turned.channel(1)) - energyDb(turned.channel(0)) > 6);
    }

    @Test
    void monoAndStereoClipsPlayAsTheyAre() throws IOException {
        AudioClip stereo = new AudioClip(16000, new float[2][100]);
        assertSame(stereo, Listening.render(stereo, 30, Listening.Mode.BINAURAL));
    }
}
