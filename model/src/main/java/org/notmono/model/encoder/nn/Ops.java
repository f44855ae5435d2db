package org.notmono.model.encoder.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * Element-wise operations written so their gradients are safe on DJL's PyTorch engine: a
 * Java scalar passed to {@code mul(Number)} is freed before backward reads it (see
 * notes/djl-on-cpu.md), so every constant here is an NDArray in the activation's manager.
 */
public final class Ops {
    private Ops() {
    }

    /** A scalar constant living next to {@code like} (same manager, same dtype). */
    public static NDArray constant(NDArray like, float value) {
        return like.getManager().create(value).toType(like.getDataType(), false);
    }

    public static NDArray scale(NDArray x, float factor) {
        return x.mul(constant(x, factor));
    }

    /** SiLU / swish: x * sigmoid(x). */
    public static NDArray silu(NDArray x) {
        return x.mul(Activation.sigmoid(x));
    }

    /** softplus(x) = log(1 + e^x), computed as max(x, 0) + log(1 + e^-|x|) to stay finite. */
    public static NDArray softplus(NDArray x) {
        NDArray zero = constant(x, 0f);
        NDArray one = constant(x, 1f);
        return x.maximum(zero).add(x.abs().neg().exp().add(one).log());
    }

    /** The L2 norm over the last axis, kept as an axis of length 1 and away from zero (so its gradient stays finite). */
    public static NDArray l2Norm(NDArray x) {
        return x.square().sum(new int[] {-1}, true).add(constant(x, 1e-8f)).sqrt();
    }

    /** Divides by the L2 norm over the last axis (kept away from zero). */
    public static NDArray l2Normalize(NDArray x) {
        return x.div(l2Norm(x));
    }

    /** 1 - x. */
    public static NDArray oneMinus(NDArray x) {
        return constant(x, 1f).sub(x);
    }
}
