package org.notmono.viewer.analysis;

import java.util.stream.IntStream;

import org.notmono.audio.AudioClip;
import org.notmono.audio.Stft;
import org.notmono.task.TaskContext;

/**
 * Power spectrograms in dB (re full scale: a full-scale sine reads about 0 dB) of every channel
 * of a clip, {@code [channel][frame * bins + bin]}.
 */
public final class Spectrogram {
    private final Stft stft;
    private final int sampleRate;
    private final int frames;
    private final float[][] db;

    private Spectrogram(Stft stft, int sampleRate, int frames, float[][] db) {
        this.stft = stft;
        this.sampleRate = sampleRate;
        this.frames = frames;
        this.db = db;
    }

    public static Spectrogram compute(AudioClip clip, Stft stft, TaskContext task) {
        int frames = stft.frameCount(clip.frames());
        int bins = stft.bins();
        float[][] db = new float[clip.channelCount()][frames * bins];
        double windowSum = 0;
        for (float w : stft.windowFunction().coefficients(stft.size())) {
            windowSum += w;
        }
        // a full-scale sine gives |X| = windowSum / 2 in its bin
        double reference = windowSum * windowSum / 4;
        int block = 512;
        int blocks = (frames + block - 1) / block;
        int channels = clip.channelCount();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        IntStream.range(0, channels * blocks).parallel().forEach(job -> {
            task.checkCancelled();
            int c = job / blocks;
            int first = (job % blocks) * block;
            int count = Math.min(block, frames - first);
            float[][] spec = stft.forward(clip.channel(c), first, count);
            for (int i = 0; i < count; i++) {
                int base = (first + i) * bins;
                for (int k = 0; k < bins; k++) {
                    db[c][base + k] = (float) (10 * Math.log10(Stft.power(spec[i], k) / reference + 1e-12));
                }
            }
            task.progress((double) done.incrementAndGet() / (channels * blocks), "spectrogram");
        });
        return new Spectrogram(stft, clip.sampleRate(), frames, db);
    }

    public Stft stft() {
        return stft;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int channels() {
        return db.length;
    }

    public int frames() {
        return frames;
    }

    public int bins() {
        return stft.bins();
    }

    public float db(int channel, int frame, int bin) {
        return db[channel][frame * stft.bins() + bin];
    }

    /** The fractional frame index at time {@code seconds} (frame t is centred on t * hop). */
    public double frameAt(double seconds) {
        return seconds * sampleRate / stft.hop();
    }
}
