package org.notmono.model.encoder;

/** Triangular filters on the HTK mel scale over the bins of a real FFT, each normalised to unit area. */
final class MelFilterbank {
    private final float[][] weights; // [band][bin]

    MelFilterbank(int bands, int fftSize, int sampleRate) {
        int bins = fftSize / 2 + 1;
        double maxMel = mel(sampleRate / 2.0);
        double[] edges = new double[bands + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = hz(maxMel * i / (bands + 1));
        }
        weights = new float[bands][bins];
        for (int m = 0; m < bands; m++) {
            double sum = 0;
            for (int k = 0; k < bins; k++) {
                double f = k * (double) sampleRate / fftSize;
                double rise = (f - edges[m]) / (edges[m + 1] - edges[m]);
                double fall = (edges[m + 2] - f) / (edges[m + 2] - edges[m + 1]);
                double w = Math.max(0, Math.min(rise, fall));
                weights[m][k] = (float) w;
                sum += w;
            }
            if (sum == 0) {
                // a band narrower than a bin takes the nearest bin
                weights[m][(int) Math.round(edges[m + 1] * fftSize / sampleRate)] = 1;
                sum = 1;
            }
            for (int k = 0; k < bins; k++) {
                weights[m][k] /= (float) sum;
            }
        }
    }

    private static double mel(double hz) {
        return 2595 * Math.log10(1 + hz / 700);
    }

    private static double hz(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }

    /** Log mel energies (natural log, floor 1e-8) of one power spectrum. */
    void logMel(float[] power, float[] out, int offset) {
        for (int m = 0; m < weights.length; m++) {
            double e = 0;
            float[] w = weights[m];
            for (int k = 0; k < w.length; k++) {
                e += w[k] * power[k];
            }
            out[offset + m] = (float) Math.log(e + 1e-8);
        }
    }
}
