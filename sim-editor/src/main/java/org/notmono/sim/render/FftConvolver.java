package org.notmono.sim.render;

import java.util.Arrays;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * Overlap-add FFT convolution of one input with several impulse responses (the 4 channels of
 * an FOA RIR): each input block is transformed once and multiplied by every response's
 * spectrum, so a 4-channel convolution costs 1 forward and 4 inverse FFTs per block.
 */
public final class FftConvolver {
    private final int fftSize;
    private final int block;
    private final FloatFFT_1D fft;
    private final float[][] spectra;

    /** @param responses equal-length impulse responses */
    public FftConvolver(float[][] responses) {
        int taps = responses[0].length;
        // blocks as long as the response keep the per-sample cost near its minimum
        this.fftSize = Integer.highestOneBit(Math.max(2 * taps - 1, 256) - 1) << 1;
        this.block = fftSize - taps + 1;
        this.fft = new FloatFFT_1D(fftSize);
        this.spectra = new float[responses.length][];
        for (int c = 0; c < responses.length; c++) {
            float[] h = new float[fftSize];
            System.arraycopy(responses[c], 0, h, 0, taps);
            fft.realForward(h);
            spectra[c] = h;
        }
    }

    /**
     * Adds {@code gain * (x * h_c)} into {@code out[c]} starting at {@code outOffset}; whatever
     * falls past the end of {@code out} is dropped.
     */
    public void convolveAdd(float[] x, float gain, float[][] out, int outOffset) {
        int outLength = out[0].length;
        float[] buf = new float[fftSize];
        float[] prod = new float[fftSize];
        float scale = gain; // JTransforms' inverse with scaling=true divides by n itself
        for (int start = 0; start < x.length && outOffset + start < outLength; start += block) {
            int n = Math.min(block, x.length - start);
            Arrays.fill(buf, 0);
            System.arraycopy(x, start, buf, 0, n);
            fft.realForward(buf);
            for (int c = 0; c < spectra.length; c++) {
                multiply(buf, spectra[c], prod);
                fft.realInverse(prod, true);
                int base = outOffset + start;
                int m = Math.min(fftSize, outLength - base);
                float[] row = out[c];
                for (int i = 0; i < m; i++) {
                    row[base + i] += scale * prod[i];
                }
            }
        }
    }

    /** Complex product in JTransforms' packed real-FFT layout (a[1] holds the Nyquist bin). */
    private static void multiply(float[] a, float[] b, float[] out) {
        out[0] = a[0] * b[0];
        out[1] = a[1] * b[1];
        for (int k = 2; k < a.length; k += 2) {
            float re = a[k] * b[k] - a[k + 1] * b[k + 1];
            float im = a[k] * b[k + 1] + a[k + 1] * b[k];
            out[k] = re;
            out[k + 1] = im;
        }
    }
}
