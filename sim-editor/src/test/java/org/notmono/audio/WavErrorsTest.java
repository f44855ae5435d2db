package org.notmono.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.cli.InputException;

class WavErrorsTest {
    @TempDir
    Path dir;

    private Path validFile() throws IOException {
        Path f = dir.resolve("ok.wav");
        Wav.write(f, new AudioClip(16000, new float[2][100]), SampleEncoding.PCM_16);
        return f;
    }

    private String errorOf(byte[] bytes) throws IOException {
        Path f = dir.resolve("bad.wav");
        Files.write(f, bytes);
        AudioFileException e = assertThrows(AudioFileException.class, () -> Wav.read(f));
        assertTrue(e.getMessage().startsWith(f.toString() + ": "), "names the file: " + e.getMessage());
        return e.getMessage();
    }

    private static void putShort(byte[] b, int at, int v) {
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(at, (short) v);
    }

    @Test
    void notRiff() throws IOException {
        assertTrue(errorOf("hello world, this is text".getBytes()).contains("not a WAV file"));
    }

    @Test
    void emptyFile() throws IOException {
        assertTrue(errorOf(new byte[0]).contains("empty file"));
    }

    @Test
    void truncatedData() throws IOException {
        byte[] ok = Files.readAllBytes(validFile());
        assertTrue(errorOf(Arrays.copyOf(ok, ok.length - 50)).contains("truncated"));
    }

    @Test
    void truncatedInsideHeader() throws IOException {
        byte[] ok = Files.readAllBytes(validFile());
        assertTrue(errorOf(Arrays.copyOf(ok, 30)).contains("truncated"));
    }

    @Test
    void unsupportedCodecIsNamed() throws IOException {
        byte[] b = Files.readAllBytes(validFile());
        putShort(b, 20, 0x0055);
        assertTrue(errorOf(b).contains("unsupported codec MP3"));
    }

    @Test
    void zeroChannels() throws IOException {
        byte[] b = Files.readAllBytes(validFile());
        putShort(b, 22, 0);
        assertTrue(errorOf(b).contains("zero channels"));
    }

    @Test
    void absurdSampleRate() throws IOException {
        byte[] b = Files.readAllBytes(validFile());
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(24, -5);
        assertTrue(errorOf(b).contains("absurd sample rate"));
    }

    @Test
    void hugeAnnouncedSizeIsTruncationNotOutOfMemory() throws IOException {
        byte[] b = Files.readAllBytes(validFile());
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 0x7FFFFFF0);
        assertTrue(errorOf(b).contains("truncated"));
    }

    @Test
    void missingFile() {
        AudioFileException e = assertThrows(AudioFileException.class, () -> Wav.read(dir.resolve("nope.wav")));
        assertTrue(e.getMessage().endsWith("no such file"));
    }

    @Test
    void aRateOfOneHertzIsRefusedBeforeAnyoneResamplesIt() throws IOException {
        byte[] b = Files.readAllBytes(validFile());
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(24, 1).putInt(28, 4);
        assertTrue(errorOf(b).contains("absurd sample rate 1 Hz"), errorOf(b));
    }

    @Test
    void nonFiniteSamplesMakeAFileCorrupt() throws IOException {
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            Path f = dir.resolve("f.wav");
            Wav.write(f, AudioClip.mono(16000, new float[100]), SampleEncoding.FLOAT_32);
            byte[] b = Files.readAllBytes(f);
            ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putFloat(b.length - 4 * 30, bad);
            String message = errorOf(b);
            assertTrue(message.contains("sample 70 of channel 1 is " + bad), message);
        }
    }

    @Test
    void aNonFiniteSampleIsNeverWritten() {
        Path target = dir.resolve("nan.wav");
        float[] x = new float[100];
        x[42] = Float.NaN;
        AudioFileException e = assertThrows(AudioFileException.class,
                () -> Wav.write(target, AudioClip.mono(16000, x), SampleEncoding.FLOAT_32));
        assertTrue(e.getMessage().contains("non-finite sample (NaN in channel 1 at frame 42)"), e.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void unwritableFolderLeavesNothing() {
        Path target = dir.resolve("no-such-folder").resolve("x.wav");
        InputException e = assertThrows(InputException.class,
                () -> Wav.write(target, AudioClip.mono(8000, new float[10]), SampleEncoding.PCM_16));
        assertTrue(e.getMessage().contains("does not exist"));
    }

    @Test
    void abortedWriteLeavesNoFile() throws IOException {
        Path target = dir.resolve("partial.wav");
        WavWriter w = WavWriter.create(target, 8000, 1, SampleEncoding.PCM_16);
        w.write(new float[][] {new float[100]}, 0, 100);
        w.abort();
        assertFalse(Files.exists(target));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "the temporary file is gone too");
        }
    }

    @Test
    void extensibleHeaderIsReadBack() throws IOException {
        Path f = dir.resolve("ext.wav");
        Wav.write(f, new AudioClip(24000, new float[4][10]), SampleEncoding.PCM_24);
        byte[] b = Files.readAllBytes(f);
        assertEquals(0xFFFE, ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getShort(20) & 0xFFFF);
        assertEquals(new WavFormat(24000, 4, SampleEncoding.PCM_24, 10), Wav.probe(f));
    }

    @Test
    void unknownChunksAreSkipped() throws IOException {
        byte[] ok = Files.readAllBytes(validFile());
        // insert an odd-sized LIST chunk (padded) between fmt and data
        byte[] list = {'L', 'I', 'S', 'T', 3, 0, 0, 0, 'a', 'b', 'c', 0};
        byte[] b = new byte[ok.length + list.length];
        System.arraycopy(ok, 0, b, 0, 36);
        System.arraycopy(list, 0, b, 36, list.length);
        System.arraycopy(ok, 36, b, 36 + list.length, ok.length - 36);
        Path f = dir.resolve("list.wav");
        Files.write(f, b);
        assertEquals(100, Wav.read(f).frames());
    }
}
