package org.notmono.model.encoder;

import org.notmono.audio.AudioClip;
import org.notmono.audio.Resampler;
import org.notmono.audio.Stft;
import org.notmono.audio.WindowFunction;

/**
 * Turns a 4-channel FOA clip (ambiX W, Y, Z, X) into the encoder's input: the shared STFT's
 * 8 real channels and the W channel's log-mel. The clip is scaled to unit W energy, and every
 * time-frequency bin of the 4 complex channels is multiplied by one common complex gain
 * {@code conj(W)/|W| * |W|^(p-1)}: the phase is referenced to W (the source signal's random
 * phase cancels, so the real parts become the active intensity {@code Re(W* Y)}, ... that
 * carries the direction) and the magnitude is compressed like {@code |W|^p}, while the complex
 * ratios between the channels stay exact.
 *
 * <p>Training and inference both take {@link #window}: a window of the training length cut
 * from the recording and normalised by itself, so the encoder sees the same thing in both.
 */
public final class FeatureExtractor {
    /** Audio read past a window's end so resampling never leaves its last frame short. */
    public static final double MARGIN_SECONDS = 0.05;

    private final EncoderConfig config;
    private final Stft stft;
    private final MelFilterbank mel;

    public FeatureExtractor(EncoderConfig config) {
        this.config = config;
        this.stft = new Stft(EncoderConfig.STFT_SIZE, config.hop(), WindowFunction.HANN);
        this.mel = new MelFilterbank(config.melBands(), EncoderConfig.STFT_SIZE, config.sampleRate());
    }

    /**
     * The features of the window {@code [start, start + seconds)} of {@code clip}: the window is
     * cut ({@link #cut}), scaled to unit W energy by itself, and has exactly
     * {@code config.frames(seconds * sampleRate)} frames. This is what Stage 1 trains on.
     */
    public ClipFeatures window(AudioClip clip, double startSeconds, double seconds) {
        int frames = config.frames((int) Math.round(seconds * config.sampleRate()));
        return extract(cut(clip, startSeconds, seconds)).crop(0, frames);
    }

    /**
     * Samples {@code [start, start + seconds + MARGIN_SECONDS)} of every channel at the clip's
     * own rate; zeros where the window lies before the start or past the end of the clip.
     */
    public static AudioClip cut(AudioClip clip, double startSeconds, double seconds) {
        int rate = clip.sampleRate();
        int first = (int) Math.round(startSeconds * rate);
        int count = (int) Math.round((seconds + MARGIN_SECONDS) * rate);
        float[][] out = new float[clip.channelCount()][count];
        for (int c = 0; c < out.length; c++) {
            float[] x = clip.channel(c);
            int from = Math.max(0, first);
            int to = Math.min(x.length, first + count);
            if (to > from) {
                System.arraycopy(x, from, out[c], from - first, to - from);
            }
        }
        return new AudioClip(rate, out);
    }

    /** The features of the whole clip, scaled to unit W energy over all of it. */
    public ClipFeatures extract(AudioClip clip) {
        if (clip.channelCount() != 4) {
            throw new IllegalArgumentException("the encoder needs a 4-channel FOA clip (W, Y, Z, X), got "
                    + clip.channelCount() + " channels");
        }
        AudioClip audio = clip.sampleRate() == config.sampleRate() ? clip : Resampler.resample(clip, config.sampleRate());
        float[][][] map = stft.realImaginaryMap(audio.channels()); // [8][T][F]
        int frames = map[0].length;
        int bins = stft.bins();
        double energy = 0;
        for (int t = 0; t < frames; t++) {
            for (int k = 0; k < bins; k++) {
                energy += map[0][t][k] * map[0][t][k] + map[1][t][k] * map[1][t][k];
            }
        }
        float scale = (float) (1 / Math.sqrt(energy / ((double) frames * bins) + 1e-12));
        float[] flat = new float[EncoderConfig.CHANNELS * frames * bins];
        float[] logMel = new float[frames * config.melBands()];
        float[] power = new float[bins];
        for (int t = 0; t < frames; t++) {
            for (int k = 0; k < bins; k++) {
                float re = map[0][t][k] * scale;
                float im = map[1][t][k] * scale;
                power[k] = re * re + im * im;
                double magnitude = Math.sqrt(power[k]);
                double gain = scale * Math.pow(magnitude + 1e-3, config.compression() - 1);
                // unit phasor conj(W)/|W|; a silent bin keeps its phase
                double cos = magnitude > 0 ? re / magnitude : 1;
                double sin = magnitude > 0 ? -im / magnitude : 0;
                for (int c = 0; c < EncoderConfig.CHANNELS; c += 2) {
                    double xr = map[c][t][k];
                    double xi = map[c + 1][t][k];
                    flat[(c * frames + t) * bins + k] = (float) (gain * (xr * cos - xi * sin));
                    flat[((c + 1) * frames + t) * bins + k] = (float) (gain * (xr * sin + xi * cos));
                }
            }
            mel.logMel(power, logMel, t * config.melBands());
        }
        return new ClipFeatures(frames, bins, config.melBands(), flat, logMel);
    }
}
