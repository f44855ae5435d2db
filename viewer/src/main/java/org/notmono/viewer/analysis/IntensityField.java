package org.notmono.viewer.analysis;

import java.util.stream.IntStream;
import java.util.concurrent.atomic.AtomicInteger;

import org.notmono.audio.AudioClip;
import org.notmono.audio.Stft;
import org.notmono.audio.WindowFunction;
import org.notmono.task.TaskContext;

/**
 * The active intensity vector {@code I = Re{conj(W) [X, Y, Z]}}, the energy
 * {@code E = (|W|^2 + |X|^2 + |Y|^2 + |Z|^2) / 2} and the diffuseness
 * {@code 1 - |<I>| / <E>} (averages over {@value #SMOOTHING_FRAMES} frames either side) of every
 * time-frequency bin of an ambiX (W, Y, Z, X; SN3D) clip. For a single plane wave I points at the
 * source, |I| = E and the diffuseness is 0; for a diffuse field it tends to 1. Arrays are indexed
 * {@code frame * bins + bin}. Only bins in [{@link #lowBin()}, {@link #highBin()}] are filled.
 */
public final class IntensityField {
    public static final int SMOOTHING_FRAMES = 2;
    public static final int ONSET_FRAMES = 2;
    public static final double LOW_HZ = 100;
    public static final double HIGH_HZ = 8000;
    /** Peaks outside [2^-16, 2^16] are scaled into range before the analysis. */
    private static final float MIN_PEAK = 0x1p-16f;
    private static final float MAX_PEAK = 0x1p16f;

    private final Stft stft;
    private final int sampleRate;
    private final int frames;
    private final int lowBin;
    private final int highBin;
    private final float[] ix;
    private final float[] iy;
    private final float[] iz;
    private final float[] energy;
    private final float[] diffuseness;
    private final FoaCovariance covariance;

    private IntensityField(Stft stft, int sampleRate, int frames) {
        this.stft = stft;
        this.sampleRate = sampleRate;
        this.frames = frames;
        this.lowBin = Math.max(1, (int) Math.ceil(LOW_HZ * stft.size() / sampleRate));
        this.highBin = Math.min(stft.bins() - 1, (int) Math.floor(HIGH_HZ * stft.size() / sampleRate));
        int n = frames * stft.bins();
        ix = new float[n];
        iy = new float[n];
        iz = new float[n];
        energy = new float[n];
        diffuseness = new float[n];
        covariance = new FoaCovariance(stft, sampleRate, frames);
    }

    /** The analysis STFT for a sample rate: Hann, about 32 ms, half overlap. */
    public static Stft analysisStft(int sampleRate) {
        int size = Integer.highestOneBit(Math.max(64, sampleRate / 32));
        return new Stft(size, size / 2, WindowFunction.HANN);
    }

    /** Analyses a 4-channel ambiX clip. */
    public static IntensityField compute(AudioClip foa, TaskContext task) {
        return compute(foa, analysisStft(foa.sampleRate()), task);
    }

    public static IntensityField compute(AudioClip foa, Stft stft, TaskContext task) {
        if (foa.channelCount() != 4) {
            throw new IllegalArgumentException("direction analysis needs 4-channel ambiX (W, Y, Z, X), got "
                    + foa.channelCount() + " channel(s)");
        }
        IntensityField f = new IntensityField(stft, foa.sampleRate(), stft.frameCount(foa.frames()));
        AudioClip clip = inWorkingRange(foa);
        int block = 256;
        int blocks = (f.frames + block - 1) / block;
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, blocks).parallel().forEach(b -> {
            task.checkCancelled();
            int first = b * block;
            f.fillIntensity(clip, first, Math.min(block, f.frames - first));
            task.progress(0.9 * done.incrementAndGet() / blocks, "intensity");
        });
        f.fillDiffuseness();
        task.progress(1, "intensity");
        return f;
    }

    /**
     * The clip scaled by a power of two (exact in float, so directions do not move by a bit) when
     * its peak is far outside full scale: intensities are products of two spectra, so a clip
     * scaled by 1e20 would overflow float and one scaled by 1e-20 would underflow. Directions and
     * diffuseness do not depend on the scale; energies are then relative to the scaled clip.
     */
    static AudioClip inWorkingRange(AudioClip foa) {
        float peak = 0;
        for (float[] c : foa.channels()) {
            for (float v : c) {
                peak = Math.max(peak, Math.abs(v));
            }
        }
        if (peak == 0 || (peak >= MIN_PEAK && peak <= MAX_PEAK)) {
            return foa;
        }
        float scale = Math.scalb(1f, -Math.getExponent(peak));
        float[][] out = new float[foa.channelCount()][];
        for (int c = 0; c < out.length; c++) {
            out[c] = foa.channel(c).clone();
            for (int i = 0; i < out[c].length; i++) {
                out[c][i] *= scale;
            }
        }
        return new AudioClip(foa.sampleRate(), out);
    }

    private void fillIntensity(AudioClip foa, int first, int count) {
        float[][] w = stft.forward(foa.channel(0), first, count);
        float[][] y = stft.forward(foa.channel(1), first, count);
        float[][] z = stft.forward(foa.channel(2), first, count);
        float[][] x = stft.forward(foa.channel(3), first, count);
        int bins = stft.bins();
        for (int i = 0; i < count; i++) {
            int base = (first + i) * bins;
            for (int k = lowBin; k <= highBin; k++) {
                int re = 2 * k;
                int im = re + 1;
                float wr = w[i][re];
                float wi = w[i][im];
                int at = base + k;
                ix[at] = wr * x[i][re] + wi * x[i][im];
                iy[at] = wr * y[i][re] + wi * y[i][im];
                iz[at] = wr * z[i][re] + wi * z[i][im];
                energy[at] = 0.5f * (wr * wr + wi * wi + Stft.power(x[i], k) + Stft.power(y[i], k) + Stft.power(z[i], k));
            }
            covariance.add(first + i, w[i], y[i], z[i], x[i], lowBin, highBin);
        }
    }

    /** Running sums over time per bin, so each bin costs O(1) whatever the smoothing length. */
    private void fillDiffuseness() {
        int bins = stft.bins();
        IntStream.rangeClosed(lowBin, highBin).parallel().forEach(k -> {
            double sx = 0, sy = 0, sz = 0, se = 0;
            for (int t = 0; t < frames + SMOOTHING_FRAMES; t++) {
                int enter = t;
                int leave = t - 2 * SMOOTHING_FRAMES - 1;
                if (enter < frames) {
                    int a = enter * bins + k;
                    sx += ix[a];
                    sy += iy[a];
                    sz += iz[a];
                    se += energy[a];
                }
                if (leave >= 0) {
                    int a = leave * bins + k;
                    sx -= ix[a];
                    sy -= iy[a];
                    sz -= iz[a];
                    se -= energy[a];
                }
                int centre = t - SMOOTHING_FRAMES;
                if (centre >= 0) {
                    double d = se <= 1e-20 ? 1 : 1 - Math.sqrt(sx * sx + sy * sy + sz * sz) / se;
                    diffuseness[centre * bins + k] = (float) Math.clamp(d, 0, 1);
                }
            }
        });
    }

    public Stft stft() {
        return stft;
    }

    /** The per-frame, per-band channel covariance, for beam-based maps. */
    public FoaCovariance covariance() {
        return covariance;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int frames() {
        return frames;
    }

    public int bins() {
        return stft.bins();
    }

    public int lowBin() {
        return lowBin;
    }

    public int highBin() {
        return highBin;
    }

    /** Time in seconds of a frame's centre. */
    public double frameTime(int frame) {
        return frame * (double) stft.hop() / sampleRate;
    }

    /** The frame whose centre is nearest to {@code seconds}, clamped to the clip. */
    public int frameAt(double seconds) {
        return Math.clamp(Math.round(seconds * sampleRate / stft.hop()), 0, frames - 1);
    }

    public float ix(int i) {
        return ix[i];
    }

    public float iy(int i) {
        return iy[i];
    }

    public float iz(int i) {
        return iz[i];
    }

    public float energy(int i) {
        return energy[i];
    }

    public float diffuseness(int i) {
        return diffuseness[i];
    }

    /**
     * How much of a bin's energy is new: {@code 1 - (mean energy of the previous }{@value #ONSET_FRAMES}{@code  frames) / energy},
     * clamped to [0, 1]. Onsets carry the direct sound before the room answers (the precedence
     * effect); steady tones in a room point wherever the standing waves do.
     */
    public float onset(int i) {
        int t = i / stft.bins();
        float e = energy[i];
        if (e <= 0) {
            return 0;
        }
        float previous = 0;
        int n = 0;
        for (int back = 1; back <= ONSET_FRAMES && t - back >= 0; back++) {
            previous += energy[i - back * stft.bins()];
            n++;
        }
        return n == 0 ? 1 : Math.clamp(1 - previous / n / e, 0f, 1f);
    }

    /** The weight a bin's direction gets in maps: energy times directness squared. */
    public float directWeight(int i) {
        float direct = 1 - diffuseness[i];
        return energy[i] * direct * direct;
    }
}
