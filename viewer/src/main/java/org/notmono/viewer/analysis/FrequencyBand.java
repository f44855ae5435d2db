package org.notmono.viewer.analysis;

import org.notmono.audio.Stft;

/**
 * The frequency bands a direction map can be restricted to: the whole analysis band of
 * {@link IntensityField} or one of three parts of it (low bands carry the room's modes and
 * the best intensity estimates, high bands the sharpest onsets).
 */
public enum FrequencyBand {
    ALL(IntensityField.LOW_HZ, IntensityField.HIGH_HZ),
    LOW(IntensityField.LOW_HZ, 500),
    MID(500, 2000),
    HIGH(2000, IntensityField.HIGH_HZ);

    private final double lowHz;
    private final double highHz;

    FrequencyBand(double lowHz, double highHz) {
        this.lowHz = lowHz;
        this.highHz = highHz;
    }

    public double lowHz() {
        return lowHz;
    }

    public double highHz() {
        return highHz;
    }

    /** The first STFT bin of the band (at least bin 1: DC carries no direction). */
    public int lowBin(Stft stft, int sampleRate) {
        return Math.max(1, (int) Math.ceil(lowHz * stft.size() / sampleRate));
    }

    /** The last STFT bin of the band, below the bin where the next band starts. */
    public int highBin(Stft stft, int sampleRate) {
        int last = (int) Math.ceil(highHz * stft.size() / sampleRate) - 1;
        return Math.min(stft.bins() - 1, this == ALL || this == HIGH ? (int) Math.floor(highHz * stft.size() / sampleRate) : last);
    }

    @Override
    public String toString() {
        return AxisTicks.hertz(lowHz) + " - " + AxisTicks.hertz(highHz);
    }
}
