package org.notmono.viewer.analysis;

import java.util.SplittableRandom;

import org.notmono.audio.AudioClip;
import org.notmono.sim.scene.Angles;

/** Synthetic ambiX clips: noise encoded with DESIGN.md's SN3D gains at known directions. */
final class PlaneWaves {
    private PlaneWaves() {
    }

    /** {@code directions[i] = {azimuth, elevation}} each with its own white noise, summed, plus diffuse noise. */
    static AudioClip encode(int sampleRate, double seconds, double[][] directions, double diffuseLevel, long seed) {
        int n = (int) (seconds * sampleRate);
        float[][] foa = new float[4][n];
        SplittableRandom r = new SplittableRandom(seed);
        for (double[] d : directions) {
            double[] u = Angles.unitVector(d[0], d[1]);
            double[] gains = {1, u[1], u[2], u[0]}; // W, Y, Z, X
            for (int i = 0; i < n; i++) {
                double s = r.nextGaussian() * 0.1;
                for (int c = 0; c < 4; c++) {
                    foa[c][i] += (float) (gains[c] * s);
                }
            }
        }
        // diffuse field: uncorrelated noise, each first-order channel at 1/3 of W's power (SN3D)
        for (int i = 0; i < n; i++) {
            foa[0][i] += (float) (r.nextGaussian() * diffuseLevel);
            for (int c = 1; c < 4; c++) {
                foa[c][i] += (float) (r.nextGaussian() * diffuseLevel / Math.sqrt(3));
            }
        }
        return new AudioClip(sampleRate, foa);
    }
}
