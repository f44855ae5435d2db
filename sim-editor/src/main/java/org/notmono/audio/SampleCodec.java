package org.notmono.audio;

import java.nio.ByteBuffer;

/**
 * Converts between interleaved little-endian WAV samples and float channels. PCM of b bits
 * maps to v / 2^(b-1), so reading and writing the same PCM encoding is bit-exact.
 */
final class SampleCodec {
    private static final float SCALE_8 = 1f / 128;
    private static final float SCALE_16 = 1f / 32768;
    private static final float SCALE_24 = 1f / 8388608;
    private static final double SCALE_32 = 1.0 / 2147483648.0;

    private SampleCodec() {
    }

    static void decode(ByteBuffer in, SampleEncoding encoding, int channels, float[][] dest, int offset, int frames) {
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++) {
                dest[c][offset + f] = switch (encoding) {
                    case PCM_8 -> ((in.get() & 0xFF) - 128) * SCALE_8;
                    case PCM_16 -> in.getShort() * SCALE_16;
                    case PCM_24 -> {
                        int v = (in.get() & 0xFF) | (in.get() & 0xFF) << 8 | in.get() << 16;
                        yield v * SCALE_24;
                    }
                    case PCM_32 -> (float) (in.getInt() * SCALE_32);
                    case FLOAT_32 -> in.getFloat();
                    case FLOAT_64 -> (float) in.getDouble();
                };
            }
        }
    }

    static void encode(float[][] src, int offset, int frames, SampleEncoding encoding, ByteBuffer out) {
        int channels = src.length;
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++) {
                float x = src[c][offset + f];
                switch (encoding) {
                    case PCM_8 -> out.put((byte) (pcm(x, 8) + 128));
                    case PCM_16 -> out.putShort((short) pcm(x, 16));
                    case PCM_24 -> {
                        int v = pcm(x, 24);
                        out.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
                    }
                    case PCM_32 -> out.putInt(pcm(x, 32));
                    case FLOAT_32 -> out.putFloat(x);
                    case FLOAT_64 -> out.putDouble(x);
                }
            }
        }
    }

    /** Rounds to a b-bit integer, clipping to its range; NaN becomes 0. */
    static int pcm(float x, int bits) {
        if (Float.isNaN(x)) {
            return 0;
        }
        double full = Math.scalb(1.0, bits - 1);
        double v = Math.rint(x * full);
        return (int) Math.clamp(v, -full, full - 1);
    }
}
