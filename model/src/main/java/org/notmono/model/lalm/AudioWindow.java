package org.notmono.model.lalm;

import org.notmono.audio.AudioClip;
import org.notmono.model.chat.HeardSpan;

/** The part of a clip the model hears ({@link HeardSpan#loudest}) and its audio. */
public record AudioWindow(AudioClip clip, HeardSpan span) {

    /** Cuts {@code foa} to at most {@code windowSeconds}. */
    public static AudioWindow of(AudioClip foa, double windowSeconds) {
        HeardSpan span = HeardSpan.loudest(foa, windowSeconds);
        return new AudioWindow(span.cut(foa), span);
    }
}
