package org.notmono.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** Whole-file WAV reading and writing for clips of seconds; see {@link WavReader} for streaming. */
public final class Wav {
    private Wav() {
    }

    public static AudioClip read(Path file) throws IOException {
        try (WavReader reader = WavReader.open(file)) {
            return reader.readAll();
        }
    }

    /** Reads a WAV from a stream (a classpath resource); {@code name} appears in errors. */
    public static AudioClip read(InputStream in, String name) throws IOException {
        try (WavReader reader = WavReader.open(in, name)) {
            return reader.readAll();
        }
    }

    /** The header only: rate, channels, encoding, length. */
    public static WavFormat probe(Path file) throws IOException {
        try (WavReader reader = WavReader.open(file)) {
            return reader.format();
        }
    }

    /** Writes a whole clip; the file appears complete or not at all. */
    public static void write(Path file, AudioClip clip, SampleEncoding encoding) throws IOException {
        WavWriter writer = WavWriter.create(file, clip.sampleRate(), clip.channelCount(), encoding);
        try {
            writer.write(clip.channels(), 0, clip.frames());
        } catch (IOException | RuntimeException e) {
            writer.abort();
            throw e;
        }
        writer.close();
    }
}
