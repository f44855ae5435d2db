package org.notmono.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

import org.notmono.io.AtomicFile;

/**
 * Writes a WAV file block by block through an {@link AtomicFile}: samples go to a temporary
 * file that replaces the target only on {@link #close()}; a failure or {@link #abort()} deletes
 * it, so no half-written WAV is ever left under the target's name. Non-finite samples are
 * refused: no NaN or infinity ever reaches a file. Plain PCM for 16-bit mono or
 * stereo, WAVE_FORMAT_EXTENSIBLE otherwise (more than 2 channels, 24/32-bit, float).
 */
public final class WavWriter implements AutoCloseable {
    private static final long MAX_DATA_BYTES = 0xFFFFFFFFL - 80;
    private static final byte[] GUID_TAIL = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA,
            0x00, 0x38, (byte) 0x9B, 0x71};

    private final Path target;
    private final AtomicFile file;
    private final FileChannel channel;
    private final int sampleRate;
    private final int channels;
    private final SampleEncoding encoding;
    private ByteBuffer buffer = ByteBuffer.allocate(0);
    private long dataBytes;
    private boolean finished;

    private WavWriter(Path target, int sampleRate, int channels, SampleEncoding encoding) throws IOException {
        this.target = target;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.encoding = encoding;
        this.file = AtomicFile.create(target);
        this.channel = file.channel();
        writeFully(header(0));
    }

    /** Starts a file; nothing appears under {@code target} until {@link #close()}. */
    public static WavWriter create(Path target, int sampleRate, int channels, SampleEncoding encoding) throws IOException {
        if (channels < 1 || channels > 65535) {
            throw new IllegalArgumentException("channel count must be 1..65535, got " + channels);
        }
        if (encoding == SampleEncoding.PCM_8 || encoding == SampleEncoding.FLOAT_64) {
            throw new IllegalArgumentException("writing " + encoding.label() + " is not supported; use 16/24-bit PCM or 32-bit float");
        }
        return new WavWriter(target, sampleRate, channels, encoding);
    }

    /** Appends {@code frames} frames from {@code src[c][offset...]}. */
    public void write(float[][] src, int offset, int frames) throws IOException {
        if (src.length != channels) {
            throw new IllegalArgumentException("expected " + channels + " channels, got " + src.length);
        }
        requireFinite(src, offset, frames);
        long bytes = (long) frames * channels * encoding.bytes();
        if (dataBytes + bytes > MAX_DATA_BYTES) {
            abort();
            throw new AudioFileException(target.toString(), "too long for a WAV file (over 4 GiB of samples); split it");
        }
        if (buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
        }
        buffer.clear();
        SampleCodec.encode(src, offset, frames, encoding, buffer);
        buffer.flip();
        writeFully(buffer);
        dataBytes += bytes;
    }

    private void requireFinite(float[][] src, int offset, int frames) throws AudioFileException {
        for (int c = 0; c < src.length; c++) {
            for (int i = offset; i < offset + frames; i++) {
                if (!Float.isFinite(src[c][i])) {
                    abort();
                    throw new AudioFileException(target.toString(), "refusing to write a non-finite sample (" + src[c][i]
                            + " in channel " + (c + 1) + " at frame " + (dataBytes / ((long) channels * encoding.bytes()) + i - offset) + ")");
                }
            }
        }
    }

    /** Finishes the header and renames the file into place. */
    @Override
    public void close() throws IOException {
        if (finished) {
            return;
        }
        try {
            if ((dataBytes & 1) == 1) {
                writeFully(ByteBuffer.wrap(new byte[1])); // pad byte of an odd-sized data chunk
            }
            channel.position(0);
            writeFully(header(dataBytes));
            file.commit();
            finished = true;
        } catch (IOException e) {
            abort();
            throw e; // AtomicFile's and writeFully's messages already name the file
        }
    }

    /** Gives up: deletes the temporary file; the target is left as it was. */
    public void abort() {
        finished = true;
        file.abort();
    }

    private void writeFully(ByteBuffer b) throws IOException {
        try {
            while (b.hasRemaining()) {
                channel.write(b);
            }
        } catch (IOException e) {
            abort();
            throw new AudioFileException(target.toString(), "cannot be written (" + e.getMessage() + "); is the disk full?", e);
        }
    }

    private ByteBuffer header(long data) {
        boolean extensible = channels > 2 || encoding != SampleEncoding.PCM_16;
        int fmtSize = extensible ? 40 : 16;
        int blockAlign = channels * encoding.bytes();
        ByteBuffer h = ByteBuffer.allocate(20 + fmtSize + 8).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        h.putInt((int) (4 + 8 + fmtSize + 8 + data + (data & 1)));
        h.put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        h.putInt(fmtSize);
        int tag = encoding.isFloat() ? 3 : 1;
        h.putShort((short) (extensible ? 0xFFFE : tag));
        h.putShort((short) channels);
        h.putInt(sampleRate);
        h.putInt(sampleRate * blockAlign);
        h.putShort((short) blockAlign);
        h.putShort((short) encoding.bits());
        if (extensible) {
            h.putShort((short) 22);
            h.putShort((short) encoding.bits()); // valid bits
            h.putInt(0); // channel mask: none, ambisonic channels are not loudspeakers
            h.putShort((short) tag).put(GUID_TAIL);
        }
        h.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        h.putInt((int) data);
        return h.flip();
    }
}
