package org.notmono.model.encoder;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Clips of equal length stacked into the encoder's input arrays. */
public record FeatureBatch(NDArray map, NDArray logMel) {

    public static FeatureBatch of(NDManager manager, List<ClipFeatures> clips) {
        ClipFeatures first = clips.getFirst();
        int n = clips.size();
        float[] map = new float[n * first.map().length];
        float[] mel = new float[n * first.logMel().length];
        for (int i = 0; i < n; i++) {
            ClipFeatures c = clips.get(i);
            if (c.frames() != first.frames()) {
                throw new IllegalArgumentException("a batch needs clips of one length: " + c.frames() + " vs " + first.frames() + " frames");
            }
            System.arraycopy(c.map(), 0, map, i * c.map().length, c.map().length);
            System.arraycopy(c.logMel(), 0, mel, i * c.logMel().length, c.logMel().length);
        }
        return new FeatureBatch(
                manager.create(map, new Shape(n, EncoderConfig.CHANNELS, first.frames(), first.bins())),
                manager.create(mel, new Shape(n, first.frames(), first.melBands())));
    }
}
