package org.notmono.model.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/** The encoder's outputs by name; {@link #arrays()} is the block's NDList in this order. */
public record EncoderOutput(NDList arrays) {

    /** Existence logits [B, S]. */
    public NDArray existenceLogits() {
        return arrays.get(0);
    }

    /** Unit direction vectors (x front, y left, z up) [B, S, 3]. */
    public NDArray directions() {
        return arrays.get(1);
    }

    /** Distances in metres [B, S]. */
    public NDArray distances() {
        return arrays.get(2);
    }

    /** Class logits [B, S, C]. */
    public NDArray classLogits() {
        return arrays.get(3);
    }

    /** Room [B, 2]: log surface area (log m^2) and mean absorption. */
    public NDArray room() {
        return arrays.get(4);
    }

    /** The gate's spatial part of the pooled representation [B, E]. */
    public NDArray spatialPart() {
        return arrays.get(5);
    }

    /** The gate's semantic part of the pooled representation [B, E]. */
    public NDArray semanticPart() {
        return arrays.get(6);
    }

    /** The semantic branch's frames [B, T', E], for the projector. */
    public NDArray semanticFrames() {
        return arrays.get(7);
    }
}
