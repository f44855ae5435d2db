package org.notmono.model.lora;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Low-rank adapters on a decoder's linear projections: {@code W x + (alpha / rank) B A x}.
 *
 * @param rank r
 * @param alpha scaling numerator
 * @param targets projection names the adapters go on, e.g. {@code q_proj}, {@code v_proj}
 * @param dropout dropout on the adapter's input while training
 * @param init how A starts (B always starts at zero, so a new adapter changes nothing)
 */
public record LoraConfig(int rank, double alpha, List<String> targets, double dropout, Init init) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the down-projection A is initialised. */
    public enum Init {
        /** Kaiming-uniform A, zero B (PEFT's default). */
        ZERO,
        /** Normal A with standard deviation 1/rank, zero B (PEFT's "gaussian"; TWNM's stage 4). */
        GAUSSIAN
    }

    public LoraConfig {
        if (rank < 1) {
            throw new IllegalArgumentException("LoRA rank must be at least 1, got " + rank);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("LoRA dropout must be in [0, 1), got " + dropout);
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("LoRA needs at least one target projection");
        }
        targets = List.copyOf(targets);
    }

    /** DESIGN.md: r 8, alpha 32 on the attention projections. */
    public static LoraConfig attention() {
        return new LoraConfig(8, 32, List.of("q_proj", "k_proj", "v_proj", "o_proj"), 0.05, Init.ZERO);
    }

    public double scale() {
        return alpha / rank;
    }

    public ObjectNode toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("r", rank);
        n.put("lora_alpha", alpha);
        targets.forEach(n.putArray("target_modules")::add);
        n.put("lora_dropout", dropout);
        n.put("init", init.name().toLowerCase(java.util.Locale.ROOT));
        return n;
    }

    /** Reads PEFT-style keys ({@code r}, {@code lora_alpha}, {@code target_modules}, {@code lora_dropout}). */
    public static LoraConfig fromJson(JsonNode n) {
        List<String> targets = new java.util.ArrayList<>();
        n.path("target_modules").forEach(t -> targets.add(t.asText()));
        return new LoraConfig(n.path("r").asInt(8), n.path("lora_alpha").asDouble(32), targets,
                n.path("lora_dropout").asDouble(0), Init.valueOf(n.path("init").asText("zero").toUpperCase(java.util.Locale.ROOT)));
    }
}
