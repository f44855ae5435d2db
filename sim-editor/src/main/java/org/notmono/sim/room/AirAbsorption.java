package org.notmono.sim.room;

import java.util.Arrays;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * Air absorption as pyroomacoustics models it: per octave band, every image's energy is
 * multiplied by exp(-m_b d) for its path length d, with pyroomacoustics' coefficients m_b. One image-source RIR is computed per band and band-passed by a
 * zero-phase filter bank whose gains sum to one at every frequency (linear crossfades in log
 * frequency between neighbouring centres), then the bands are added. With equal coefficients
 * in every band the result is exactly the single-band RIR.
 */
final class AirAbsorption {
    static final double[] CENTRES = {125, 250, 500, 1000, 2000, 4000, 8000};
    /** pyroomacoustics' "20C_30-50%" row, the one it picks for c = 343 m/s and its default humidity. */
    static final double[] ENERGY_PER_METRE = {0.1e-3, 0.3e-3, 0.6e-3, 1.0e-3, 1.9e-3, 5.8e-3, 20.3e-3};

    private AirAbsorption() {
    }

    static float[][] compute(RirRequest req, boolean omni) {
        return compute(req, omni, ENERGY_PER_METRE);
    }

    /** @param coefficients energy absorption per metre for each of {@link #CENTRES} */
    static float[][] compute(RirRequest req, boolean omni, double[] coefficients) {
        int fs = req.sampleRate();
        int bands = bandCount(fs);
        float[][] sum = null;
        FloatFFT_1D fft = null;
        int n = 0;
        for (int b = 0; b < bands; b++) {
            float[][] band = new ImageSourceMethod(req.room(), req.absorption(), req.source(), req.receiver(),
                    req.orientation(), fs, req.options(), omni, coefficients[b]).compute();
            if (sum == null) {
                sum = new float[band.length][band[0].length];
                n = Integer.highestOneBit(2 * band[0].length - 1) << 1;
                fft = new FloatFFT_1D(n);
            }
            float[] buf = new float[n];
            for (int c = 0; c < band.length; c++) {
                Arrays.fill(buf, 0);
                System.arraycopy(band[c], 0, buf, 0, band[c].length);
                fft.realForward(buf);
                applyMask(buf, b, bands, fs);
                fft.realInverse(buf, true);
                for (int i = 0; i < sum[c].length; i++) {
                    sum[c][i] += buf[i];
                }
            }
        }
        return sum;
    }

    /** Bands whose centre lies at or below the Nyquist frequency. */
    static int bandCount(int fs) {
        int k = 0;
        while (k < CENTRES.length && CENTRES[k] <= fs / 2.0) {
            k++;
        }
        return Math.max(1, k);
    }

    /** Multiplies a packed real spectrum (JTransforms layout) by band b's gain. */
    private static void applyMask(float[] spectrum, int b, int bands, int fs) {
        int n = spectrum.length;
        spectrum[0] *= (float) gain(b, bands, 0);
        spectrum[1] *= (float) gain(b, bands, fs / 2.0);
        for (int k = 1; k < n / 2; k++) {
            float g = (float) gain(b, bands, (double) k * fs / n);
            spectrum[2 * k] *= g;
            spectrum[2 * k + 1] *= g;
        }
    }

    /** Gain of band b at frequency f: 1 at its centre, falling linearly in log2 f to 0 at the neighbouring centres. */
    static double gain(int b, int bands, double f) {
        double centre = CENTRES[b];
        if (f <= centre) {
            if (b == 0) {
                return 1;
            }
            double lo = CENTRES[b - 1];
            return f <= lo ? 0 : Math.log(f / lo) / Math.log(centre / lo);
        }
        if (b == bands - 1) {
            return 1;
        }
        double hi = CENTRES[b + 1];
        return f >= hi ? 0 : Math.log(hi / f) / Math.log(hi / centre);
    }
}
