package org.notmono.viewer.analysis;

import java.util.stream.IntStream;
import java.util.List;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import org.notmono.audio.AudioClip;
import org.notmono.audio.Stft;
import org.notmono.task.TaskContext;

/**
 * Power spectrograms in dB (re full scale: a full-scale sine reads about 0 dB) of every channel
 * of a clip, {@code [channel][frame * bins + bin]}, with coarser levels that keep the maximum
 * of every {@value #LEVEL_FACTOR} frames of the level below, so painting a zoomed-out long file
 * costs about the same as a short one.
 */
public final class Spectrogram {
    private final Stft stft;
    private final int sampleRate;
    private final int frames;
    public static final int LEVEL_FACTOR = 8;
    private static final int MIN_LEVEL_FRAMES = 512;

    private final float[][][] levels; // [level][channel][frame * bins + bin]

    private Spectrogram(Stft stft, int sampleRate, int frames, float[][] db) {
        this.stft = stft;
        this.sampleRate = sampleRate;
        this.frames = frames;
        List<float[][]> list = new ArrayList<>();
        list.add(db);
        while (frames(list.size() - 1, frames) / LEVEL_FACTOR >= MIN_LEVEL_FRAMES) {
            list.add(decimate(list.getLast(), frames(list.size() - 1, frames), stft.bins()));
        }
        this.levels = list.toArray(float[][][]::new);
    }

    private static int frames(int level, int frames) {
        int n = frames;
        for (int l = 0; l < level; l++) {
            n = (n + LEVEL_FACTOR - 1) / LEVEL_FACTOR;
        }
        return n;
    }

    private static float[][] decimate(float[][] finer, int finerFrames, int bins) {
        int coarse = (finerFrames + LEVEL_FACTOR - 1) / LEVEL_FACTOR;
        float[][] out = new float[finer.length][coarse * bins];
        for (int c = 0; c < finer.length; c++) {
            Arrays.fill(out[c], Float.NEGATIVE_INFINITY);
            for (int t = 0; t < finerFrames; t++) {
                int to = (t / LEVEL_FACTOR) * bins;
                int from = t * bins;
                for (int k = 0; k < bins; k++) {
                    out[c][to + k] = Math.max(out[c][to + k], finer[c][from + k]);
                }
            }
        }
        return out;
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
        AtomicInteger done = new AtomicInteger();
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
        return levels[0].length;
    }

    public int levels() {
        return levels.length;
    }

    /** Frames at a level (level 0: every STFT frame). */
    public int frames(int level) {
        return frames(level, frames);
    }

    /** The coarsest level whose frames are no wider than {@code framesPerPixel} level-0 frames. */
    public int levelFor(double framesPerPixel) {
        int level = 0;
        double factor = LEVEL_FACTOR;
        while (level + 1 < levels.length && factor <= framesPerPixel) {
            level++;
            factor *= LEVEL_FACTOR;
        }
        return level;
    }

    /** dB of a bin at a level: the loudest of the level-0 frames it covers. */
    public float db(int level, int channel, int frame, int bin) {
        return levels[level][channel][frame * stft.bins() + bin];
    }

    public int frames() {
        return frames;
    }

    public int bins() {
        return stft.bins();
    }

    public float db(int channel, int frame, int bin) {
        return db(0, channel, frame, bin);
    }

    /** The fractional frame index at time {@code seconds} (frame t is centred on t * hop). */
    public double frameAt(double seconds) {
        return seconds * sampleRate / stft.hop();
    }
}
