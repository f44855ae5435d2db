package org.notmono.model.encoder;

/**
 * The encoder's input for one clip, as flat row-major arrays.
 *
 * @param map    the 8-channel map {@code [8][frames][bins]}
 * @param logMel the W channel's log-mel {@code [frames][melBands]}
 */
public record ClipFeatures(int frames, int bins, int melBands, float[] map, float[] logMel) {

    public ClipFeatures {
        if (map.length != EncoderConfig.CHANNELS * frames * bins || logMel.length != frames * melBands) {
            throw new IllegalArgumentException("feature arrays do not match " + frames + " frames x " + bins + " bins");
        }
    }

    /** Frames {@code first .. first + count - 1}. */
    public ClipFeatures crop(int first, int count) {
        float[] m = new float[EncoderConfig.CHANNELS * count * bins];
        for (int c = 0; c < EncoderConfig.CHANNELS; c++) {
            System.arraycopy(map, (c * frames + first) * bins, m, c * count * bins, count * bins);
        }
        float[] mel = new float[count * melBands];
        System.arraycopy(logMel, first * melBands, mel, 0, count * melBands);
        return new ClipFeatures(count, bins, melBands, m, mel);
    }
}
