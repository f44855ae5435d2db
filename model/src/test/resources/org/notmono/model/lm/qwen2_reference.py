"""Independent numpy reference for Qwen2ReferenceTest (run once: python3 qwen2_reference.py).

Builds a tiny Qwen2ForCausalLM from a closed-form weight pattern (the Java test builds the
same weights), runs the forward pass in float64 following the Hugging Face Qwen2 equations,
and writes qwen2_reference.json with the logits for float32 weights (untied head) and for
bfloat16-rounded weights (tied head).
"""
import json
import numpy as np

BASE = dict(vocab_size=37, hidden_size=16, intermediate_size=24, num_hidden_layers=2,
            num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=64,
            rope_theta=500.0, rms_norm_eps=1e-6)
IDS = [[3, 17, 5, 36, 0, 22, 9], [1, 1, 30, 2, 8, 14, 33]]


def layout(c):
    d, kv = c["hidden_size"], c["num_key_value_heads"] * c["hidden_size"] // c["num_attention_heads"]
    inter = c["intermediate_size"]
    names = [("model.embed_tokens.weight", (c["vocab_size"], d))]
    for i in range(c["num_hidden_layers"]):
        p = f"model.layers.{i}."
        names += [(p + "self_attn.q_proj.weight", (d, d)), (p + "self_attn.q_proj.bias", (d,)),
                  (p + "self_attn.k_proj.weight", (kv, d)), (p + "self_attn.k_proj.bias", (kv,)),
                  (p + "self_attn.v_proj.weight", (kv, d)), (p + "self_attn.v_proj.bias", (kv,)),
                  (p + "self_attn.o_proj.weight", (d, d)),
                  (p + "mlp.gate_proj.weight", (inter, d)), (p + "mlp.up_proj.weight", (inter, d)),
                  (p + "mlp.down_proj.weight", (d, inter)),
                  (p + "input_layernorm.weight", (d,)), (p + "post_attention_layernorm.weight", (d,))]
    names.append(("model.norm.weight", (d,)))
    if not c["tie_word_embeddings"]:
        names.append(("lm_head.weight", (c["vocab_size"], d)))
    return names


def weights(c, bf16):
    w = {}
    for t, (name, shape) in enumerate(layout(c)):
        j = np.arange(int(np.prod(shape)), dtype=np.float64)
        wave = np.sin(0.37 * j + 1.3 * t + 0.5)
        v = (1 + 0.1 * wave) if name.endswith("norm.weight") else 0.3 * wave
        v = v.astype(np.float32)
        if bf16:
            bits = v.view(np.uint32).astype(np.uint64)
            bits = ((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16) << 16
            v = bits.astype(np.uint32).view(np.float32)
        w[name] = v.astype(np.float64).reshape(shape)
    return w


def rms(x, g, eps):
    return x / np.sqrt((x * x).mean(-1, keepdims=True) + eps) * g


def rope(x, theta):  # x [H, T, hd]
    hd = x.shape[-1]
    inv = 1.0 / theta ** (np.arange(0, hd, 2) / hd)
    ang = np.arange(x.shape[1])[:, None] * inv[None, :]
    cos, sin = np.cos(np.concatenate([ang, ang], -1)), np.sin(np.concatenate([ang, ang], -1))
    rot = np.concatenate([-x[..., hd // 2:], x[..., :hd // 2]], -1)
    return x * cos + rot * sin


def forward(c, w, ids):
    d, H, KV = c["hidden_size"], c["num_attention_heads"], c["num_key_value_heads"]
    hd = d // H
    x = w["model.embed_tokens.weight"][ids]
    T = len(ids)
    causal = np.triu(np.full((T, T), -np.inf), 1)
    for i in range(c["num_hidden_layers"]):
        p = f"model.layers.{i}."
        h = rms(x, w[p + "input_layernorm.weight"], c["rms_norm_eps"])
        lin = lambda n, a: a @ w[p + n + ".weight"].T + (w[p + n + ".bias"] if p + n + ".bias" in w else 0)
        q = lin("self_attn.q_proj", h).reshape(T, H, hd).transpose(1, 0, 2)
        k = lin("self_attn.k_proj", h).reshape(T, KV, hd).transpose(1, 0, 2)
        v = lin("self_attn.v_proj", h).reshape(T, KV, hd).transpose(1, 0, 2)
        q, k = rope(q, c["rope_theta"]), rope(k, c["rope_theta"])
        k, v = np.repeat(k, H // KV, 0), np.repeat(v, H // KV, 0)
        s = q @ k.transpose(0, 2, 1) / np.sqrt(hd) + causal
        s = np.exp(s - s.max(-1, keepdims=True))
        s /= s.sum(-1, keepdims=True)
        o = (s @ v).transpose(1, 0, 2).reshape(T, d)
        x = x + lin("self_attn.o_proj", o)
        h = rms(x, w[p + "post_attention_layernorm.weight"], c["rms_norm_eps"])
        g = lin("mlp.gate_proj", h)
        x = x + lin("mlp.down_proj", g / (1 + np.exp(-g)) * lin("mlp.up_proj", h))
    x = rms(x, w["model.norm.weight"], c["rms_norm_eps"])
    head = w["model.embed_tokens.weight"] if c["tie_word_embeddings"] else w["lm_head.weight"]
    return x @ head.T


out = {"ids": IDS}
for key, tied, bf16 in (("float32_untied", False, False), ("bfloat16_tied", True, True)):
    c = dict(BASE, tie_word_embeddings=tied)
    w = weights(c, bf16)
    out[key] = {"config": c, "logits": [forward(c, w, ids).round(7).tolist() for ids in IDS]}
with open("qwen2_reference.json", "w") as f:
    json.dump(out, f)
