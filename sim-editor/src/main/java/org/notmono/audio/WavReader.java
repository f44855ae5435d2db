package org.notmono.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a WAV file block by block: 8/16/24/32-bit PCM and 32/64-bit float, plain or
 * WAVE_FORMAT_EXTENSIBLE, any channel count. Only the requested frames are in memory, so
 * files of any length can be streamed. Every problem is an {@link AudioFileException} that
 * names the file and says what is wrong.
 */
public final class WavReader implements AutoCloseable {
    private static final int FORMAT_PCM = 0x0001;
    private static final int FORMAT_FLOAT = 0x0003;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    private static final int MAX_CHANNELS = 1024;
    /** Below this a "WAV" is no audio (or a corrupt header); resampling it would take ages. */
    public static final int MIN_SAMPLE_RATE = 1000;
    /** The fastest rate of any audio interface (DXD and above). */
    public static final int MAX_SAMPLE_RATE = 768_000;
    /** The largest stream read whole for {@link #open(InputStream, String)}. */
    private static final int MAX_STREAM_BYTES = 1 << 30;

    private final String name;
    private final SeekableByteChannel channel;
    private final WavFormat format;
    private final long dataStart;
    private final int frameBytes;
    private ByteBuffer buffer = ByteBuffer.allocate(0);
    private long frame;

    private WavReader(String name, SeekableByteChannel channel) throws IOException {
        this.name = name;
        this.channel = channel;
        try {
            Header header = Header.parse(name, channel);
            this.format = header.format;
            this.dataStart = header.dataStart;
            this.frameBytes = format.channels() * format.encoding().bytes();
            channel.position(dataStart);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Opens a file; nothing but the header is read yet. */
    public static WavReader open(Path file) throws IOException {
        String name = file.toString();
        try {
            return new WavReader(name, FileChannel.open(file, StandardOpenOption.READ));
        } catch (NoSuchFileException e) {
            throw new AudioFileException(name, "no such file");
        } catch (AudioFileException e) {
            throw e;
        } catch (IOException e) {
            throw new AudioFileException(name, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Reads a stream (a classpath resource, say) into memory and opens it; {@code name} is used in errors. */
    public static WavReader open(InputStream in, String name) throws IOException {
        byte[] bytes = in.readNBytes(MAX_STREAM_BYTES + 1);
        if (bytes.length > MAX_STREAM_BYTES) {
            throw new AudioFileException(name, "larger than 1 GiB; open it as a file to stream it");
        }
        return new WavReader(name, new ByteArrayChannel(bytes));
    }

    public WavFormat format() {
        return format;
    }

    /** The frame the next {@link #read} starts at. */
    public long position() {
        return frame;
    }

    /** Moves to a frame (clamped to the file). */
    public void seek(long toFrame) throws IOException {
        frame = Math.clamp(toFrame, 0, format.frames());
        channel.position(dataStart + frame * frameBytes);
    }

    /**
     * Reads up to {@code maxFrames} frames into {@code dest[c][offset...]} for each channel
     * c; returns the number of frames read, 0 at the end of the data.
     */
    public int read(float[][] dest, int offset, int maxFrames) throws IOException {
        if (dest.length < format.channels()) {
            throw new IllegalArgumentException("need " + format.channels() + " destination channels, got " + dest.length);
        }
        int frames = (int) Math.min(maxFrames, format.frames() - frame);
        if (frames <= 0) {
            return 0;
        }
        int bytes = frames * frameBytes;
        if (buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        }
        buffer.clear().limit(bytes);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new AudioFileException(name, "truncated: audio data ends early at frame " + (frame + buffer.position() / frameBytes));
            }
        }
        buffer.flip();
        SampleCodec.decode(buffer, format.encoding(), format.channels(), dest, offset, frames);
        frame += frames;
        return frames;
    }

    /** Reads everything from the current position; refuses what would not fit in memory. */
    public AudioClip readAll() throws IOException {
        return readAll(Long.MAX_VALUE);
    }

    /**
     * Reads at most {@code maxFrames} frames from the current position, so a caller that needs
     * only the start of a long file never loads (or resamples) the rest; refuses what would not
     * fit in memory.
     */
    public AudioClip readAll(long maxFrames) throws IOException {
        long remaining = Math.min(maxFrames, format.frames() - frame);
        long samples = remaining * format.channels();
        if (remaining > Integer.MAX_VALUE - 8 || samples * Float.BYTES > Runtime.getRuntime().maxMemory() / 2) {
            throw new AudioFileException(name, String.format(java.util.Locale.ROOT,
                    "too long to load whole (%.1f s x %d channels); it has to be streamed block-wise",
                    format.duration(), format.channels()));
        }
        float[][] out = new float[format.channels()][(int) remaining];
        int done = 0;
        while (done < remaining) {
            int n = read(out, done, (int) Math.min(1 << 16, remaining - done));
            if (n == 0) {
                break;
            }
            done += n;
        }
        return new AudioClip(format.sampleRate(), out);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** The fmt and data chunks, found by walking the RIFF chunk list. */
    private record Header(WavFormat format, long dataStart) {

        static Header parse(String name, SeekableByteChannel ch) throws IOException {
            long size = ch.size();
            ByteBuffer riff = readBytes(name, ch, 12, "the RIFF header");
            String riffId = fourCc(riff, 0);
            if (riffId.equals("RF64")) {
                throw new AudioFileException(name, "RF64 (WAV over 4 GiB) is not supported");
            }
            if (!riffId.equals("RIFF") || !fourCc(riff, 8).equals("WAVE")) {
                throw new AudioFileException(name, "not a WAV file (no RIFF/WAVE header)");
            }
            int formatTag = -1;
            int channels = 0;
            int sampleRate = 0;
            int blockAlign = 0;
            int bits = 0;
            long position = 12;
            while (position + 8 <= size) {
                ch.position(position);
                ByteBuffer head = readBytes(name, ch, 8, "a chunk header");
                String id = fourCc(head, 0);
                long chunkSize = Integer.toUnsignedLong(head.getInt(4));
                long body = position + 8;
                if (id.equals("fmt ")) {
                    if (chunkSize < 16 || chunkSize > 1024) {
                        throw new AudioFileException(name, "corrupt fmt chunk (" + chunkSize + " bytes)");
                    }
                    ByteBuffer fmt = readBytes(name, ch, (int) chunkSize, "the fmt chunk");
                    formatTag = Short.toUnsignedInt(fmt.getShort(0));
                    channels = Short.toUnsignedInt(fmt.getShort(2));
                    sampleRate = fmt.getInt(4);
                    blockAlign = Short.toUnsignedInt(fmt.getShort(12));
                    bits = Short.toUnsignedInt(fmt.getShort(14));
                    if (formatTag == FORMAT_EXTENSIBLE) {
                        if (chunkSize < 40) {
                            throw new AudioFileException(name, "corrupt WAVE_FORMAT_EXTENSIBLE fmt chunk (" + chunkSize + " bytes)");
                        }
                        formatTag = Short.toUnsignedInt(fmt.getShort(24)); // first two bytes of the sub-format GUID
                    }
                } else if (id.equals("data")) {
                    if (formatTag < 0) {
                        throw new AudioFileException(name, "the data chunk comes before any fmt chunk");
                    }
                    long available = size - body;
                    // 0 and 0xFFFFFFFF are what streaming writers leave when they never patch the size
                    long dataBytes = chunkSize == 0xFFFFFFFFL || chunkSize == 0 ? available : chunkSize;
                    if (dataBytes > available) {
                        throw new AudioFileException(name, "truncated: the header announces " + dataBytes
                                + " bytes of audio but the file holds " + available);
                    }
                    WavFormat format = validate(name, formatTag, channels, sampleRate, blockAlign, bits, dataBytes);
                    return new Header(format, body);
                }
                if (body + chunkSize > size && !id.equals("data")) {
                    throw new AudioFileException(name, "truncated or corrupt: chunk '" + id.strip() + "' runs past the end of the file");
                }
                position = body + chunkSize + (chunkSize & 1); // chunks are padded to even sizes
            }
            throw new AudioFileException(name, formatTag < 0 ? "no fmt chunk (not a WAV file, or truncated)" : "no data chunk (truncated?)");
        }

        private static WavFormat validate(String name, int tag, int channels, int rate, int blockAlign, int bits,
                                          long dataBytes) throws AudioFileException {
            if (tag != FORMAT_PCM && tag != FORMAT_FLOAT) {
                throw new AudioFileException(name, "unsupported codec " + codecName(tag)
                        + "; convert it to PCM or float WAV (e.g. sox in.wav -e signed -b 16 out.wav)");
            }
            if (channels == 0) {
                throw new AudioFileException(name, "zero channels");
            }
            if (channels > MAX_CHANNELS) {
                throw new AudioFileException(name, "absurd channel count " + channels);
            }
            if (rate < MIN_SAMPLE_RATE || rate > MAX_SAMPLE_RATE) {
                throw new AudioFileException(name, "absurd sample rate " + Integer.toUnsignedString(rate) + " Hz (readable: "
                        + MIN_SAMPLE_RATE + " to " + MAX_SAMPLE_RATE + " Hz); the header is corrupt or this is no audio");
            }
            SampleEncoding encoding = SampleEncoding.of(tag == FORMAT_FLOAT, bits);
            if (encoding == null) {
                throw new AudioFileException(name, "unsupported sample format: " + bits + "-bit " + (tag == FORMAT_FLOAT ? "float" : "PCM"));
            }
            if (blockAlign != channels * encoding.bytes()) {
                throw new AudioFileException(name, "corrupt fmt chunk: block align " + blockAlign + " does not match "
                        + channels + " channels of " + bits + " bits");
            }
            return new WavFormat(rate, channels, encoding, dataBytes / blockAlign);
        }

        private static String codecName(int tag) {
            return switch (tag) {
                case 0x0002 -> "MS ADPCM";
                case 0x0006 -> "A-law";
                case 0x0007 -> "mu-law";
                case 0x0011 -> "IMA ADPCM";
                case 0x0055 -> "MP3";
                default -> String.format("0x%04X", tag);
            };
        }

        private static ByteBuffer readBytes(String name, SeekableByteChannel ch, int n, String what) throws IOException {
            ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
            while (b.hasRemaining()) {
                if (ch.read(b) < 0) {
                    throw new AudioFileException(name, b.position() == 0 && what.equals("the RIFF header")
                            ? "empty file" : "truncated: the file ends inside " + what);
                }
            }
            return b.flip();
        }

        private static String fourCc(ByteBuffer b, int at) {
            char[] c = new char[4];
            for (int i = 0; i < 4; i++) {
                c[i] = (char) (b.get(at + i) & 0xFF);
            }
            return new String(c);
        }
    }
}
