package org.notmono.model.lora;

import ai.djl.ndarray.types.Shape;

/** LoRA's merge written out in plain loops, the ground truth tests compare the engine's merges with. */
public final class LoraByHand {
    private LoraByHand() {
    }

    /** W + scale B A for a weight W of {@code shape} [out, in], A [r, in] and B [out, r], all row-major. */
    public static float[] merged(float[] w, Shape shape, float[] a, float[] b, double scale) {
        int out = (int) shape.get(0);
        int in = (int) shape.get(1);
        int rank = a.length / in;
        float[] merged = w.clone();
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                double delta = 0;
                for (int r = 0; r < rank; r++) {
                    delta += (double) b[o * rank + r] * a[r * in + i];
                }
                merged[o * in + i] += (float) (scale * delta);
            }
        }
        return merged;
    }
}
