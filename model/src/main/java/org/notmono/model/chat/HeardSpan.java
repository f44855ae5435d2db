package org.notmono.model.chat;

/**
 * The part of a clip the model actually heard, in seconds from the clip's start, so a user
 * sees when a long clip was cut to the model's window.
 */
public record HeardSpan(double start, double end, double clipDuration) {
    /** True when the model heard the whole clip. */
    public boolean whole() {
        return start <= 0 && end >= clipDuration;
    }
}
