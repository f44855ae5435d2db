package org.notmono.model.lm;

import java.util.Map;

import ai.djl.ndarray.NDArray;

/**
 * One decoder layer's weights, looked up by name once when the model is built instead of at
 * every token. The arrays are the model's own: training and LoRA merges change them in place,
 * so this view stays current.
 */
record Qwen2Layer(NDArray inputNorm, NDArray postAttentionNorm, Projection q, Projection k, Projection v,
                  Projection o, Projection gate, Projection up, Projection down) {

    /** A linear projection: its module name (for adapters), weight and bias (null when it has none). */
    record Projection(String module, NDArray weight, NDArray bias) {
        static Projection of(Map<String, NDArray> weights, String module) {
            return new Projection(module, weights.get(module + ".weight"), weights.get(module + ".bias"));
        }
    }

    /** Layer {@code i} of {@code weights} (Hugging Face names). */
    static Qwen2Layer of(Map<String, NDArray> weights, int i) {
        String p = Qwen2Layout.layer(i);
        String a = p + "self_attn.";
        return new Qwen2Layer(weights.get(p + "input_layernorm.weight"), weights.get(p + "post_attention_layernorm.weight"),
                Projection.of(weights, a + "q_proj"), Projection.of(weights, a + "k_proj"), Projection.of(weights, a + "v_proj"),
                Projection.of(weights, a + "o_proj"), Projection.of(weights, p + "mlp.gate_proj"),
                Projection.of(weights, p + "mlp.up_proj"), Projection.of(weights, p + "mlp.down_proj"));
    }
}
