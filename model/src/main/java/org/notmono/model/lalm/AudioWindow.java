package org.notmono.model.lalm;

import java.util.Arrays;

import org.notmono.audio.AudioClip;
import org.notmono.model.chat.HeardSpan;

/** The part of a clip the model hears ({@link HeardSpan#loudest}) and its audio. */
public record AudioWindow(AudioClip clip, HeardSpan span) {

    /** Cuts {@code foa} to at most {@code windowSeconds}. */
    public static AudioWindow of(AudioClip foa, double windowSeconds) {
        HeardSpan span = HeardSpan.loudest(foa, windowSeconds);
        if (span.whole()) {
            return new AudioWindow(foa, span);
        }
        int from = (int) Math.round(span.start() * foa.sampleRate());
        int to = from + (int) Math.round(windowSeconds * foa.sampleRate());
        float[][] channels = new float[foa.channelCount()][];
        for (int c = 0; c < channels.length; c++) {
            channels[c] = Arrays.copyOfRange(foa.channel(c), from, to);
        }
        return new AudioWindow(new AudioClip(foa.sampleRate(), channels), span);
    }
}
