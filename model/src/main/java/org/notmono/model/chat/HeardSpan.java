package org.notmono.model.chat;

import java.util.Arrays;

import org.notmono.audio.AudioClip;

/**
 * The part of a clip the model actually heard, in seconds from the clip's start, so a user
 * sees when a long clip was cut to the model's window.
 */
public record HeardSpan(double start, double end, double clipDuration) {
    /** True when the model heard the whole clip. */
    public boolean whole() {
        return start <= 0 && end >= clipDuration;
    }

    /**
     * The span a model with a window of {@code windowSeconds} hears of {@code foa}: the whole clip when it fits, otherwise
     * the window where the omnidirectional channel W carries the most energy, among those starting on a one-second grid
     * and the one ending at the clip's end. The LALM hears this span; Chat shows it, and its encoder slots, before the
     * first answer.
     */
    public static HeardSpan loudest(AudioClip foa, double windowSeconds) {
        double duration = foa.duration();
        int window = (int) Math.round(windowSeconds * foa.sampleRate());
        if (foa.frames() <= window) {
            return new HeardSpan(0, duration, duration);
        }
        float[] w = foa.channel(0);
        int hop = foa.sampleRate();
        int best = 0;
        double bestEnergy = -1;
        // each window's energy summed afresh: memory stays constant however long the clip (Chat asks on the FX thread)
        for (int start = 0; ; start = Math.min(start + hop, w.length - window)) {
            double e = 0;
            for (int i = start; i < start + window; i++) {
                e += (double) w[i] * w[i];
            }
            if (e > bestEnergy) {
                best = start;
                bestEnergy = e;
            }
            if (start == w.length - window) {
                break;
            }
        }
        double start = best / (double) foa.sampleRate();
        return new HeardSpan(start, start + windowSeconds, duration);
    }

    /** The samples of {@code audio} (the clip this span is of) in this span. */
    public AudioClip cut(AudioClip audio) {
        int from = (int) Math.round(start * audio.sampleRate());
        int to = Math.min(audio.frames(), from + (int) Math.round((end - start) * audio.sampleRate()));
        if (from == 0 && to == audio.frames()) {
            return audio;
        }
        float[][] x = new float[audio.channelCount()][];
        for (int ch = 0; ch < x.length; ch++) {
            x[ch] = Arrays.copyOfRange(audio.channel(ch), from, to);
        }
        return new AudioClip(audio.sampleRate(), x);
    }
}
