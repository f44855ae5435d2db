package org.notmono.model.lm;

import ai.djl.ndarray.NDArray;

/**
 * A hook on the decoder's linear projections, through which adapters (LoRA) add to a
 * projection's output without touching its weights.
 */
public interface ProjectionAdapter {
    /** No adapter: every projection is its base weights. */
    ProjectionAdapter NONE = (module, input, output, training) -> output;

    /**
     * The output of projection {@code module} (e.g. {@code model.layers.0.self_attn.q_proj})
     * for {@code input}, given the base projection's {@code output}.
     */
    NDArray apply(String module, NDArray input, NDArray output, boolean training);
}
