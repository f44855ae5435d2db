package org.notmono.viewer.analysis;

import org.notmono.audio.Stft;

/**
 * The real part of the spatial covariance {@code R = sum s s^H} of the ambiX channels
 * {@code s = (W, Y, Z, X)} per analysis frame and {@link FrequencyBand}, summed over the band's
 * bins. Real beam weights only see the real part ({@code w^T R w = w^T Re(R) w}), so ten numbers
 * per frame and band are the whole of what a first-order steered-response map needs; they cost
 * a few kilobytes per second of audio instead of a covariance per bin.
 */
public final class FoaCovariance {
    /** Entries stored per frame and band: WW, YY, ZZ, XX, WY, WZ, WX, YZ, YX, ZX. */
    static final int ENTRIES = 10;
    private static final int BANDS = FrequencyBand.values().length;
    private final int frames;
    private final float[] sums;
    /** Per STFT bin, the partial band it belongs to (-1 outside the analysis band). */
    private final int[] bandOfBin;

    FoaCovariance(Stft stft, int sampleRate, int frames) {
        this.frames = frames;
        this.sums = new float[frames * BANDS * ENTRIES];
        this.bandOfBin = new int[stft.bins()];
        java.util.Arrays.fill(bandOfBin, -1);
        for (FrequencyBand b : FrequencyBand.values()) {
            if (b != FrequencyBand.ALL) {
                for (int k = b.lowBin(stft, sampleRate); k <= b.highBin(stft, sampleRate); k++) {
                    bandOfBin[k] = b.ordinal();
                }
            }
        }
    }

    /** Adds the spectra of one frame (interleaved re/im rows of W, Y, Z, X); frames may be filled in parallel. */
    void add(int frame, float[] w, float[] y, float[] z, float[] x, int lowBin, int highBin) {
        float[] s = new float[ENTRIES];
        for (int k = lowBin; k <= highBin; k++) {
            int band = bandOfBin[k];
            if (band < 0) {
                continue;
            }
            int re = 2 * k;
            int im = re + 1;
            s[0] = w[re] * w[re] + w[im] * w[im];
            s[1] = y[re] * y[re] + y[im] * y[im];
            s[2] = z[re] * z[re] + z[im] * z[im];
            s[3] = x[re] * x[re] + x[im] * x[im];
            s[4] = w[re] * y[re] + w[im] * y[im];
            s[5] = w[re] * z[re] + w[im] * z[im];
            s[6] = w[re] * x[re] + w[im] * x[im];
            s[7] = y[re] * z[re] + y[im] * z[im];
            s[8] = y[re] * x[re] + y[im] * x[im];
            s[9] = z[re] * x[re] + z[im] * x[im];
            int partial = (frame * BANDS + band) * ENTRIES;
            int all = (frame * BANDS + FrequencyBand.ALL.ordinal()) * ENTRIES;
            for (int e = 0; e < ENTRIES; e++) {
                sums[partial + e] += s[e];
                sums[all + e] += s[e];
            }
        }
    }

    /** The covariance summed over frames {@code first .. last} (clamped to the clip) of a band, as a 4 x 4 matrix in (W, Y, Z, X) order. */
    public double[][] sum(FrequencyBand band, int first, int last) {
        double[] e = new double[ENTRIES];
        for (int t = Math.max(0, first); t <= Math.min(last, frames - 1); t++) {
            int at = (t * BANDS + band.ordinal()) * ENTRIES;
            for (int i = 0; i < ENTRIES; i++) {
                e[i] += sums[at + i];
            }
        }
        return new double[][] {
            {e[0], e[4], e[5], e[6]},
            {e[4], e[1], e[7], e[8]},
            {e[5], e[7], e[2], e[9]},
            {e[6], e[8], e[9], e[3]}};
    }

    public int frames() {
        return frames;
    }
}
