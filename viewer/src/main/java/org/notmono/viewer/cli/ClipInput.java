package org.notmono.viewer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.notmono.audio.AudioClip;
import org.notmono.audio.AudioFileException;
import org.notmono.audio.Wav;
import org.notmono.cli.InputException;

/** Reads a command's input clip, turning missing or unreadable files into bad-input errors. */
final class ClipInput {
    private ClipInput() {
    }

    static AudioClip read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": no such file");
        }
        try {
            return Wav.read(file);
        } catch (AudioFileException e) {
            throw new InputException(e.getMessage(), e);
        }
    }

    /** Reads a clip that must be 4-channel ambiX. */
    static AudioClip readFoa(Path file) throws IOException {
        AudioClip clip = read(file);
        if (clip.channelCount() != 4) {
            throw new InputException(file + ": has " + clip.channelCount()
                    + " channel(s); direction analysis needs 4-channel ambiX FOA (W, Y, Z, X)");
        }
        return clip;
    }
}
