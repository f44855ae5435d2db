package org.notmono.sim.render;

import java.util.SplittableRandom;

/**
 * Isotropic background noise in FOA: independent white Gaussian noise per channel with the
 * SN3D diffuse-field energies (W 1, Y Z X 1/3), scaled to a signal-to-noise ratio on W.
 */
public final class DiffuseNoise {

    private DiffuseNoise() {
    }

    /** Adds noise {@code snrDb} below the W power of {@code mix} (or at unit-less -snrDb dBFS when the mix is silent). */
    public static void add(float[][] mix, double snrDb, long seed) {
        double power = 0;
        for (float v : mix[0]) {
            power += (double) v * v;
        }
        power = mix[0].length == 0 ? 0 : power / mix[0].length;
        double reference = power > 0 ? power : 1;
        double sigma = Math.sqrt(reference / Math.pow(10, snrDb / 10));
        SplittableRandom random = new SplittableRandom(seed);
        for (int c = 0; c < mix.length; c++) {
            double s = c == 0 ? sigma : sigma / Math.sqrt(3);
            float[] row = mix[c];
            for (int i = 0; i < row.length; i++) {
                row[i] += (float) (s * random.nextGaussian());
            }
        }
    }
}
