package org.notmono.audio;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * Short-time Fourier transform with centred frames (the signal is zero-padded by half a window
 * on both sides, so frame {@code t} is centred on sample {@code t * hop} and a signal of
 * {@code n} samples gives {@code n / hop + 1} frames), and its inverse by weighted overlap-add.
 * A frame holds the {@code size / 2 + 1} non-negative frequency bins interleaved as
 * {@code re0, im0, re1, im1, ...}. Instances are immutable and thread-safe.
 */
public final class Stft {
    /** The spatial encoder's front end (DESIGN.md, TWNM 4.2.1). */
    public static final int ENCODER_SIZE = 256;
    public static final int ENCODER_HOP = 128;

    private final int size;
    private final int hop;
    private final WindowFunction windowFunction;
    private final float[] window;
    private final FloatFFT_1D fft;

    public Stft(int size, int hop, WindowFunction windowFunction) {
        if (size < 2 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("STFT window size must be a power of two >= 2, got " + size);
        }
        if (hop < 1 || hop > size) {
            throw new IllegalArgumentException("STFT hop must be in [1, " + size + "], got " + hop);
        }
        this.size = size;
        this.hop = hop;
        this.windowFunction = windowFunction;
        this.window = windowFunction.coefficients(size);
        this.fft = new FloatFFT_1D(size);
    }

    /** The encoder's STFT: Hann, 256 points, hop 128. */
    public static Stft encoder() {
        return new Stft(ENCODER_SIZE, ENCODER_HOP, WindowFunction.HANN);
    }

    public int size() {
        return size;
    }

    public int hop() {
        return hop;
    }

    public WindowFunction windowFunction() {
        return windowFunction;
    }

    public int bins() {
        return size / 2 + 1;
    }

    public int frameCount(int samples) {
        return samples / hop + 1;
    }

    /** Frequency of bin {@code k} in Hz. */
    public double binFrequency(int k, int sampleRate) {
        return k * (double) sampleRate / size;
    }

    /** Every frame of {@code x}: {@code [frame][2 * bins]}. */
    public float[][] forward(float[] x) {
        return forward(x, 0, frameCount(x.length));
    }

    /** Frames {@code first .. first + count - 1} of {@code x} (frames past the end are silent). */
    public float[][] forward(float[] x, int first, int count) {
        float[][] out = new float[count][];
        float[] buffer = new float[size];
        for (int i = 0; i < count; i++) {
            out[i] = frame(x, first + i, buffer);
        }
        return out;
    }

    /** One frame's spectrum; {@code buffer} is scratch space of {@code size} floats. */
    private float[] frame(float[] x, int t, float[] buffer) {
        int start = t * hop - size / 2;
        for (int n = 0; n < size; n++) {
            int i = start + n;
            buffer[n] = i >= 0 && i < x.length ? x[i] * window[n] : 0f;
        }
        fft.realForward(buffer);
        return unpack(buffer);
    }

    /** JTransforms packs Re(N/2) into slot 1; spread it into the interleaved bin layout. */
    private float[] unpack(float[] packed) {
        float[] spectrum = new float[size + 2];
        System.arraycopy(packed, 0, spectrum, 0, size);
        spectrum[size] = packed[1];
        spectrum[1] = 0f;
        return spectrum;
    }

    /**
     * The signal of {@code samples} samples whose STFT is {@code frames}, by weighted overlap-add
     * (inverse FFT, window again, divide by the summed squared window). Exact for an unmodified
     * STFT whenever the windows overlap everywhere.
     */
    public float[] inverse(float[][] frames, int samples) {
        double[] sum = new double[samples];
        double[] norm = new double[samples];
        float[] buffer = new float[size];
        for (int t = 0; t < frames.length; t++) {
            float[] s = frames[t];
            System.arraycopy(s, 0, buffer, 0, size);
            buffer[1] = s[size];
            fft.realInverse(buffer, true);
            int start = t * hop - size / 2;
            for (int n = 0; n < size; n++) {
                int i = start + n;
                if (i >= 0 && i < samples) {
                    sum[i] += buffer[n] * window[n];
                    norm[i] += (double) window[n] * window[n];
                }
            }
        }
        float[] y = new float[samples];
        for (int i = 0; i < samples; i++) {
            if (norm[i] < 1e-10) {
                throw new IllegalArgumentException("window " + windowFunction.id() + " " + size + " with hop " + hop
                        + " leaves sample " + i + " uncovered: the signal cannot be reconstructed");
            }
            y[i] = (float) (sum[i] / norm[i]);
        }
        return y;
    }

    /** Power {@code re^2 + im^2} of bin {@code k} in an interleaved frame. */
    public static float power(float[] frame, int k) {
        float re = frame[2 * k];
        float im = frame[2 * k + 1];
        return re * re + im * im;
    }

    /**
     * The spatial encoder's input map (DESIGN.md): the STFT of each FOA channel unrolled into
     * real and imaginary parts, {@code [2 * channel + (0 re | 1 im)][frame][bin]}, so W, Y, Z, X
     * become 8 real channels.
     */
    public float[][][] realImaginaryMap(float[][] channels) {
        int bins = bins();
        float[][][] map = new float[2 * channels.length][][];
        for (int c = 0; c < channels.length; c++) {
            float[][] spec = forward(channels[c]);
            float[][] re = new float[spec.length][bins];
            float[][] im = new float[spec.length][bins];
            for (int t = 0; t < spec.length; t++) {
                for (int k = 0; k < bins; k++) {
                    re[t][k] = spec[t][2 * k];
                    im[t][k] = spec[t][2 * k + 1];
                }
            }
            map[2 * c] = re;
            map[2 * c + 1] = im;
        }
        return map;
    }
}
