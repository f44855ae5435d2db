package org.notmono.model.lalm;

import org.notmono.audio.AudioClip;
import org.notmono.model.chat.HeardSpan;

/**
 * The part of a clip the model hears: the whole clip when it fits the window, otherwise the
 * window (on a one-second grid) where the omnidirectional channel W carries the most energy.
 */
public record AudioWindow(AudioClip clip, HeardSpan span) {

    /** Cuts {@code foa} to at most {@code windowSeconds}. */
    public static AudioWindow of(AudioClip foa, double windowSeconds) {
        double duration = foa.duration();
        int window = (int) Math.round(windowSeconds * foa.sampleRate());
        if (foa.frames() <= window) {
            return new AudioWindow(foa, new HeardSpan(0, duration, duration));
        }
        float[] w = foa.channel(0);
        double[] cumulative = new double[w.length + 1];
        for (int i = 0; i < w.length; i++) {
            cumulative[i + 1] = cumulative[i] + (double) w[i] * w[i];
        }
        int hop = foa.sampleRate();
        int best = 0;
        double bestEnergy = -1;
        for (int start = 0; ; start = Math.min(start + hop, w.length - window)) {
            double e = cumulative[start + window] - cumulative[start];
            if (e > bestEnergy) {
                best = start;
                bestEnergy = e;
            }
            if (start == w.length - window) {
                break;
            }
        }
        float[][] channels = new float[foa.channelCount()][];
        for (int c = 0; c < channels.length; c++) {
            channels[c] = java.util.Arrays.copyOfRange(foa.channel(c), best, best + window);
        }
        double start = best / (double) foa.sampleRate();
        return new AudioWindow(new AudioClip(foa.sampleRate(), channels), new HeardSpan(start, start + windowSeconds, duration));
    }
}
