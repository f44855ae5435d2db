package org.notmono.model.lm;

import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.types.Shape;

/**
 * The tensors of Hugging Face's {@code Qwen2ForCausalLM} for a config: names and shapes in the
 * order Hugging Face lists them. Linear weights are {@code [out, in]} as in PyTorch.
 */
public final class Qwen2Layout {
    public static final String EMBED = "model.embed_tokens.weight";
    public static final String FINAL_NORM = "model.norm.weight";
    public static final String LM_HEAD = "lm_head.weight";

    private Qwen2Layout() {
    }

    /** The prefix of layer {@code i}'s tensors, e.g. {@code model.layers.3.}. */
    public static String layer(int i) {
        return "model.layers." + i + ".";
    }

    /** Every tensor the model needs, with its shape. */
    public static Map<String, Shape> expected(Qwen2Config c) {
        Map<String, Shape> m = new LinkedHashMap<>();
        long d = c.hiddenSize();
        long kv = (long) c.kvHeads() * c.headDim();
        m.put(EMBED, new Shape(c.vocabSize(), d));
        for (int i = 0; i < c.layers(); i++) {
            String p = layer(i);
            m.put(p + "self_attn.q_proj.weight", new Shape(d, d));
            m.put(p + "self_attn.q_proj.bias", new Shape(d));
            m.put(p + "self_attn.k_proj.weight", new Shape(kv, d));
            m.put(p + "self_attn.k_proj.bias", new Shape(kv));
            m.put(p + "self_attn.v_proj.weight", new Shape(kv, d));
            m.put(p + "self_attn.v_proj.bias", new Shape(kv));
            m.put(p + "self_attn.o_proj.weight", new Shape(d, d));
            m.put(p + "mlp.gate_proj.weight", new Shape(c.intermediateSize(), d));
            m.put(p + "mlp.up_proj.weight", new Shape(c.intermediateSize(), d));
            m.put(p + "mlp.down_proj.weight", new Shape(d, c.intermediateSize()));
            m.put(p + "input_layernorm.weight", new Shape(d));
            m.put(p + "post_attention_layernorm.weight", new Shape(d));
        }
        m.put(FINAL_NORM, new Shape(d));
        if (!c.tieWordEmbeddings()) {
            m.put(LM_HEAD, new Shape(c.vocabSize(), d));
        }
        return m;
    }

    /** True for a tensor a Hugging Face file may carry that the model recomputes or ignores. */
    static boolean ignorable(String name, Qwen2Config c) {
        return name.endsWith("rotary_emb.inv_freq") || (c.tieWordEmbeddings() && name.equals(LM_HEAD));
    }
}
