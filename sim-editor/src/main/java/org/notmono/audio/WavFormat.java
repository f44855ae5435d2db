package org.notmono.audio;

import java.util.Locale;

/** What a WAV file holds: rate, channel count, encoding and length in frames. */
public record WavFormat(int sampleRate, int channels, SampleEncoding encoding, long frames) {

    public double duration() {
        return frames / (double) sampleRate;
    }

    /** One line for a status bar: "4 ch, 16000 Hz, 24-bit PCM, 4.000 s". */
    public String describe() {
        return String.format(Locale.ROOT, "%d ch, %d Hz, %s, %.3f s", channels, sampleRate, encoding.label(), duration());
    }
}
