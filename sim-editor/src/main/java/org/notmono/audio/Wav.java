package org.notmono.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** Whole-file WAV reading and writing for clips of seconds; see {@link WavReader} for streaming. */
public final class Wav {
    private Wav() {
    }

    /** Reads a whole file; a NaN or infinite sample makes it corrupt ({@link AudioFileException}). */
    public static AudioClip read(Path file) throws IOException {
        return read(file, Double.POSITIVE_INFINITY);
    }

    /** Reads the first {@code maxSeconds} of a file (all of it when shorter); refuses non-finite samples. */
    public static AudioClip read(Path file, double maxSeconds) throws IOException {
        try (WavReader reader = WavReader.open(file)) {
            return requireFinite(file.toString(), reader.readAll(frames(reader.format(), maxSeconds)));
        }
    }

    /** Reads a WAV from a stream (a classpath resource); {@code name} appears in errors. */
    public static AudioClip read(InputStream in, String name) throws IOException {
        return read(in, name, Double.POSITIVE_INFINITY);
    }

    /** Reads the first {@code maxSeconds} of a WAV stream; refuses non-finite samples. */
    public static AudioClip read(InputStream in, String name, double maxSeconds) throws IOException {
        try (WavReader reader = WavReader.open(in, name)) {
            return requireFinite(name, reader.readAll(frames(reader.format(), maxSeconds)));
        }
    }

    private static long frames(WavFormat format, double seconds) {
        double frames = Math.ceil(seconds * format.sampleRate());
        return frames >= format.frames() ? format.frames() : (long) frames;
    }

    /**
     * A clip whose samples are all finite; NaN or infinity (a corrupt float file, or doubles out
     * of float range) would poison every sum that touches them, so they are refused here.
     */
    static AudioClip requireFinite(String name, AudioClip clip) throws AudioFileException {
        for (int c = 0; c < clip.channelCount(); c++) {
            float[] x = clip.channel(c);
            for (int i = 0; i < x.length; i++) {
                if (!Float.isFinite(x[i])) {
                    throw new AudioFileException(name, "sample " + i + " of channel " + (c + 1) + " is " + x[i]
                            + "; the file is corrupt (audio samples must be finite numbers)");
                }
            }
        }
        return clip;
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
