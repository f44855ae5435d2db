package org.notmono.model.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

/**
 * Rotary position embedding as Qwen2 applies it: frequencies {@code theta^(-2i/d)} over the
 * head's first half, duplicated to the second half, and {@code x cos + rotate_half(x) sin}.
 */
final class Rotary {
    private final float[] inverseFrequencies;
    private final int headDim;
    private final NDIndex firstHalf;
    private final NDIndex secondHalf;

    Rotary(int headDim, double theta) {
        this.headDim = headDim;
        this.firstHalf = new NDIndex("..., :" + headDim / 2);
        this.secondHalf = new NDIndex("..., " + headDim / 2 + ":");
        inverseFrequencies = new float[headDim / 2];
        for (int i = 0; i < headDim / 2; i++) {
            inverseFrequencies[i] = (float) (1.0 / Math.pow(theta, 2.0 * i / headDim));
        }
    }

    /**
     * cos and signed sin tables [count, headDim] for positions {@code start .. start + count - 1}:
     * the sin table is negated over the first half, so that rotate_half(x) * sin equals
     * swap_halves(x) * signed sin and the negation costs no operation per call.
     */
    NDList tables(NDManager manager, int start, int count) {
        float[] cos = new float[count * headDim];
        float[] sin = new float[count * headDim];
        int half = headDim / 2;
        for (int t = 0; t < count; t++) {
            for (int i = 0; i < half; i++) {
                double angle = (float) (start + t) * inverseFrequencies[i];
                float c = (float) Math.cos(angle);
                float s = (float) Math.sin(angle);
                cos[t * headDim + i] = c;
                cos[t * headDim + half + i] = c;
                sin[t * headDim + i] = -s;
                sin[t * headDim + half + i] = s;
            }
        }
        ai.djl.ndarray.types.Shape shape = new ai.djl.ndarray.types.Shape(count, headDim);
        return new NDList(manager.create(cos, shape), manager.create(sin, shape));
    }

    /** Rotates {@code x} [B, H, T, headDim] by the tables of its T positions ({@code signedSin} from {@link #tables}). */
    NDArray apply(NDArray x, NDArray cos, NDArray signedSin) {
        NDArray swapped = x.get(secondHalf).concat(x.get(firstHalf), 3);
        return x.mul(cos).add(swapped.mul(signedSin));
    }
}
