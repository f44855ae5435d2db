package org.notmono.audio;

/**
 * Band-limited sample-rate conversion by a Kaiser-windowed sinc, evaluated in polyphase form
 * for the rational ratio to/from. The pass band ends at 95% of the lower Nyquist frequency;
 * the stop band is attenuated by about 80 dB. Output length is ceil(n * to / from).
 */
public final class Resampler {
    /** Zero crossings of the sinc on each side, at the lower of the two rates. */
    private static final int ZERO_CROSSINGS = 24;
    private static final double ROLLOFF = 0.95;
    private static final double KAISER_BETA = 8.0;
    /** Above this many phases the filter is evaluated per output sample instead of tabulated. */
    private static final int MAX_TABLE_PHASES = 4096;

    private Resampler() {
    }

    public static AudioClip resample(AudioClip clip, int toRate) {
        if (clip.sampleRate() == toRate) {
            return clip;
        }
        float[][] out = new float[clip.channelCount()][];
        for (int c = 0; c < out.length; c++) {
            out[c] = resample(clip.channel(c), clip.sampleRate(), toRate);
        }
        return new AudioClip(toRate, out);
    }

    public static float[] resample(float[] x, int fromRate, int toRate) {
        if (fromRate <= 0 || toRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive: " + fromRate + " -> " + toRate);
        }
        if (fromRate == toRate) {
            return x.clone();
        }
        int g = gcd(fromRate, toRate);
        int up = toRate / g;      // output samples per ...
        int down = fromRate / g;  // ... this many input samples
        double scale = Math.min(1.0, (double) toRate / fromRate) * ROLLOFF;
        int half = (int) Math.ceil(ZERO_CROSSINGS / scale);
        int taps = 2 * half;
        int outLength = (int) Math.ceil((double) x.length * toRate / fromRate);
        float[] y = new float[outLength];
        float[] table = up <= MAX_TABLE_PHASES ? table(up, half, scale) : null;
        float[] kernel = new float[taps];
        for (int n = 0; n < outLength; n++) {
            long numerator = (long) n * down;
            long centre = numerator / up;       // input sample at or before the output instant
            int phase = (int) (numerator % up); // output instant = centre + phase / up
            float[] h;
            int base;
            if (table != null) {
                h = table;
                base = phase * taps;
            } else {
                fillKernel(kernel, 0, (double) phase / up, half, scale);
                h = kernel;
                base = 0;
            }
            long first = centre - half + 1;
            int kFrom = (int) Math.max(0, -first);
            int kTo = (int) Math.min(taps, x.length - first);
            double acc = 0;
            for (int k = kFrom; k < kTo; k++) {
                acc += h[base + k] * x[(int) (first + k)];
            }
            y[n] = (float) acc;
        }
        return y;
    }

    /** Kernels for every phase p/up, each of {@code 2 half} taps, in one flat array. */
    private static float[] table(int phases, int half, double scale) {
        float[] t = new float[phases * 2 * half];
        for (int p = 0; p < phases; p++) {
            fillKernel(t, p * 2 * half, (double) p / phases, half, scale);
        }
        return t;
    }

    /** Tap k weighs input sample centre - half + 1 + k, at distance (half - 1 - k) + frac before the output instant. */
    private static void fillKernel(float[] h, int at, double frac, int half, double scale) {
        double i0Beta = besselI0(KAISER_BETA);
        for (int k = 0; k < 2 * half; k++) {
            double t = (half - 1 - k) + frac;
            double r = t / half;
            double window = Math.abs(r) >= 1 ? 0 : besselI0(KAISER_BETA * Math.sqrt(1 - r * r)) / i0Beta;
            h[at + k] = (float) (scale * sinc(scale * t) * window);
        }
    }

    private static double sinc(double x) {
        if (Math.abs(x) < 1e-12) {
            return 1;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    /** Modified Bessel function of the first kind, order 0 (power series). */
    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double q = x * x / 4;
        for (int k = 1; k < 50; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < 1e-12 * sum) {
                break;
            }
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
