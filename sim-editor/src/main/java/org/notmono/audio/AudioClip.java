package org.notmono.audio;

/**
 * A whole clip in memory: float samples in [-1, 1], one array per channel, all of equal
 * length. For clips of seconds; long files are read block-wise with {@link WavReader}.
 */
public record AudioClip(int sampleRate, float[][] channels) {

    public AudioClip {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        if (channels.length == 0) {
            throw new IllegalArgumentException("a clip needs at least one channel");
        }
        for (float[] c : channels) {
            if (c.length != channels[0].length) {
                throw new IllegalArgumentException("channels differ in length: " + c.length + " vs " + channels[0].length);
            }
        }
    }

    /** A one-channel clip. */
    public static AudioClip mono(int sampleRate, float[] samples) {
        return new AudioClip(sampleRate, new float[][] {samples});
    }

    public int channelCount() {
        return channels.length;
    }

    public int frames() {
        return channels[0].length;
    }

    /** Length in seconds. */
    public double duration() {
        return frames() / (double) sampleRate;
    }

    public float[] channel(int index) {
        return channels[index];
    }

    /** This clip as one channel (the average of all channels) at {@code rate}, resampled if needed. */
    public AudioClip monoAt(int rate) {
        AudioClip mono = channelCount() == 1 ? this : mono(sampleRate, averageOfChannels());
        return mono.sampleRate == rate ? mono : Resampler.resample(mono, rate);
    }

    private float[] averageOfChannels() {
        float[] out = new float[frames()];
        for (float[] c : channels) {
            for (int i = 0; i < out.length; i++) {
                out[i] += c[i] / channels.length;
            }
        }
        return out;
    }
}
