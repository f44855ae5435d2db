package org.notmono.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WavRoundTripTest {
    @TempDir
    Path dir;

    /** Random integers of the encoding's range, written as floats v / 2^(b-1). */
    private static AudioClip pcmClip(int channels, int frames, int bits, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[channels][frames];
        int full = 1 << (bits - 1);
        for (float[] c : x) {
            for (int i = 0; i < frames; i++) {
                c[i] = (r.nextInt(2 * full) - full) / (float) full;
            }
            c[0] = -1f;                     // the extremes must survive too
            c[1] = (full - 1) / (float) full;
        }
        return new AudioClip(44100, x);
    }

    @ParameterizedTest
    @CsvSource({"PCM_16,1", "PCM_16,2", "PCM_16,4", "PCM_24,1", "PCM_24,4", "PCM_24,6"})
    void pcmRoundTripIsBitExact(SampleEncoding encoding, int channels) throws IOException {
        AudioClip clip = pcmClip(channels, 1001, encoding.bits(), 7);
        Path file = dir.resolve("x.wav");
        Wav.write(file, clip, encoding);
        byte[] first = Files.readAllBytes(file);

        AudioClip back = Wav.read(file);
        assertEquals(new WavFormat(44100, channels, encoding, 1001), Wav.probe(file));
        for (int c = 0; c < channels; c++) {
            assertArrayEquals(clip.channel(c), back.channel(c), 0f);
        }
        Wav.write(file, back, encoding);
        assertArrayEquals(first, Files.readAllBytes(file), "rewriting what was read gives the same bytes");
    }

    @ParameterizedTest
    @CsvSource({"1", "4"})
    void floatRoundTripIsExact(int channels) throws IOException {
        Random r = new Random(3);
        float[][] x = new float[channels][500];
        for (float[] c : x) {
            for (int i = 0; i < c.length; i++) {
                c[i] = (float) r.nextGaussian() * 0.3f;
            }
        }
        Path file = dir.resolve("f.wav");
        Wav.write(file, new AudioClip(16000, x), SampleEncoding.FLOAT_32);
        AudioClip back = Wav.read(file);
        for (int c = 0; c < channels; c++) {
            assertArrayEquals(x[c], back.channel(c), 0f);
        }
    }

    @ParameterizedTest
    @CsvSource({"PCM_16", "PCM_24", "FLOAT_32"})
    void blockWiseReadingMatchesWholeReading(SampleEncoding encoding) throws IOException {
        AudioClip clip = pcmClip(4, 10_007, 16, 11);
        Path file = dir.resolve("b.wav");
        Wav.write(file, clip, encoding);
        try (WavReader reader = WavReader.open(file)) {
            float[][] got = new float[4][10_007];
            int done = 0;
            int n;
            while ((n = reader.read(got, done, 333)) > 0) {
                done += n;
            }
            assertEquals(10_007, done);
            for (int c = 0; c < 4; c++) {
                assertArrayEquals(clip.channel(c), got[c], 0f);
            }
            reader.seek(5000);
            float[][] one = new float[4][1];
            reader.read(one, 0, 1);
            assertEquals(clip.channel(2)[5000], one[2][0], 0f);
        }
    }

    @org.junit.jupiter.api.Test
    void valuesBeyondFullScaleAreClippedNotWrapped() throws IOException {
        Path file = dir.resolve("clip.wav");
        Wav.write(file, AudioClip.mono(8000, new float[] {1.5f, -1.5f, 0.25f, 0.5f}), SampleEncoding.PCM_16);
        assertArrayEquals(new float[] {32767 / 32768f, -1f, 0.25f, 0.5f}, Wav.read(file).channel(0), 0f);
    }
}
