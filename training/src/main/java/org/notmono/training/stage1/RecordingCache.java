package org.notmono.training.stage1;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.notmono.audio.AudioClip;
import org.notmono.audio.Wav;

/** Keeps the last recording read, so the consecutive windows of a long file read it once. */
final class RecordingCache {
    private Path loaded;
    private AudioClip clip;

    AudioClip recording(ClipWindow w) {
        try {
            if (!w.wav().equals(loaded)) {
                clip = Wav.read(w.wav());
                loaded = w.wav();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return clip;
    }
}
