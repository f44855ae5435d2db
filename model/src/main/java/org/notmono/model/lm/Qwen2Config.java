package org.notmono.model.lm;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The shape of a Qwen2 decoder, with the keys and meanings of Hugging Face's {@code config.json}
 * for {@code Qwen2ForCausalLM}, so a Hugging Face folder's config reads as is.
 *
 * @param vocabSize rows of the embedding and of the output head
 * @param hiddenSize model width d
 * @param intermediateSize SwiGLU width
 * @param layers decoder layers
 * @param heads query heads
 * @param kvHeads key/value heads (grouped-query attention when fewer than {@code heads})
 * @param maxPositions longest sequence the model is meant for (our context)
 * @param ropeTheta base of the rotary frequencies
 * @param rmsNormEps epsilon of RMSNorm
 * @param tieWordEmbeddings whether the output head reuses the embedding matrix
 */
public record Qwen2Config(int vocabSize, int hiddenSize, int intermediateSize, int layers, int heads, int kvHeads,
                          int maxPositions, double ropeTheta, double rmsNormEps, boolean tieWordEmbeddings) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Qwen2Config {
        if (hiddenSize % heads != 0) {
            throw new IllegalArgumentException("hidden_size " + hiddenSize + " is not a multiple of num_attention_heads " + heads);
        }
        if (heads % kvHeads != 0) {
            throw new IllegalArgumentException("num_attention_heads " + heads + " is not a multiple of num_key_value_heads " + kvHeads);
        }
        if ((hiddenSize / heads) % 2 != 0) {
            throw new IllegalArgumentException("head size " + hiddenSize / heads + " must be even for rotary positions");
        }
    }

    /** DESIGN.md's {@code tiny}: d 256, 6 layers, 4 query / 2 key-value heads, SwiGLU 704, context 512, tied embeddings. */
    public static Qwen2Config tiny(int vocabSize) {
        return new Qwen2Config(vocabSize, 256, 704, 6, 4, 2, 512, 10000, 1e-6, true);
    }

    public int headDim() {
        return hiddenSize / heads;
    }

    /** Reads a Hugging Face {@code config.json}; a missing required key is named. */
    public static Qwen2Config read(Path configJson) throws IOException {
        return fromJson(JSON.readTree(configJson.toFile()), configJson.toString());
    }

    /** Reads the Hugging Face keys from {@code node}; {@code where} names the source in errors. */
    public static Qwen2Config fromJson(JsonNode node, String where) throws IOException {
        String type = node.path("model_type").asText("qwen2");
        if (!type.equals("qwen2")) {
            throw new IOException(where + ": model_type is " + type + ", expected qwen2");
        }
        if (node.path("rope_scaling").isObject()) {
            throw new IOException(where + ": rope_scaling " + node.get("rope_scaling") + " is not supported (plain rotary positions only)");
        }
        if (node.path("use_sliding_window").asBoolean(false)) {
            throw new IOException(where + ": use_sliding_window is true; only full causal attention is supported");
        }
        int heads = required(node, "num_attention_heads", where);
        return new Qwen2Config(required(node, "vocab_size", where), required(node, "hidden_size", where),
                required(node, "intermediate_size", where), required(node, "num_hidden_layers", where), heads,
                node.path("num_key_value_heads").asInt(heads), node.path("max_position_embeddings").asInt(32768),
                node.path("rope_theta").asDouble(10000), node.path("rms_norm_eps").asDouble(1e-6),
                node.path("tie_word_embeddings").asBoolean(false));
    }

    private static int required(JsonNode node, String key, String where) throws IOException {
        if (!node.path(key).canConvertToInt()) {
            throw new IOException(where + ": missing or invalid \"" + key + "\"");
        }
        return node.get(key).asInt();
    }

    /** The Hugging Face {@code config.json} object for this shape. */
    public ObjectNode toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.putArray("architectures").add("Qwen2ForCausalLM");
        n.put("model_type", "qwen2");
        n.put("hidden_act", "silu");
        n.put("vocab_size", vocabSize);
        n.put("hidden_size", hiddenSize);
        n.put("intermediate_size", intermediateSize);
        n.put("num_hidden_layers", layers);
        n.put("num_attention_heads", heads);
        n.put("num_key_value_heads", kvHeads);
        n.put("max_position_embeddings", maxPositions);
        n.put("rope_theta", ropeTheta);
        n.put("rms_norm_eps", rmsNormEps);
        n.put("tie_word_embeddings", tieWordEmbeddings);
        n.put("torch_dtype", "float32");
        return n;
    }
}
