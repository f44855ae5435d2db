package org.notmono.viewer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.notmono.audio.AudioClip;
import org.notmono.audio.AudioFileException;
import org.notmono.audio.Wav;
import org.notmono.audio.WavFormat;
import org.notmono.cli.InputException;

/** Reads a command's input clip, turning missing or unreadable files into bad-input errors. */
final class ClipInput {
    private ClipInput() {
    }

    static AudioClip read(Path file) throws IOException {
        requireFile(file);
        try {
            return Wav.read(file);
        } catch (AudioFileException e) {
            throw new InputException(e.getMessage(), e);
        }
    }

    /** The clip's header only (rate, channels, length), for checks before reading the samples. */
    static WavFormat probe(Path file) throws IOException {
        requireFile(file);
        try {
            return Wav.probe(file);
        } catch (AudioFileException e) {
            throw new InputException(e.getMessage(), e);
        }
    }

    private static void requireFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new InputException(file + ": is a folder, not a WAV file");
        }
        if (!Files.exists(file)) {
            throw new InputException(file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": is not a regular file (a device or a pipe?); give a WAV file");
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
