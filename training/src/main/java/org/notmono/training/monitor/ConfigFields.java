package org.notmono.training.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.notmono.training.curriculum.StageSettings;

/**
 * The form fields of a config, generated from a preset's JSON: every number under the chosen
 * blocks becomes a field whose label, unit and range come from this table, keyed by the JSON
 * key (the same key means the same thing in every stage: {@code learningRate} is above 0 and
 * at most 1 wherever it is). Text and flags (model type, LoRA targets) are kept as the preset
 * has them.
 */
public final class ConfigFields {
    private static final long BIG = 10_000_000;
    private static final long LAST_SEED = StageSettings.HELD_OUT_SEEDS - 1;
    private static final Map<String, ConfigField> KNOWN = table(
            // LM stages (StageSettings) and Stage 4 (SapoConfig)
            ConfigField.integer("steps", "Steps", "steps", 1, BIG),
            ConfigField.integer("batchSize", "Batch size", "examples", 1, 4096),
            ConfigField.above("learningRate", "Peak learning rate", "per step", 0, 1),
            ConfigField.integer("warmupSteps", "Warm-up", "steps", 0, BIG),
            ConfigField.integer("checkpointEvery", "Checkpoint every", "steps", 1, BIG),
            ConfigField.above("gradientClip", "Gradient clip", "L2 norm", 0, 1e6),
            ConfigField.integer("seed", "Seed", "", 0, LAST_SEED),
            ConfigField.integer("lengthBuckets", "Length buckets", "batches (0: off)", 0, 100_000),
            ConfigField.integer("knowledge", "World knowledge", "per fact (0: off)", 0, 100_000),
            ConfigField.integer("threads", "Engine threads", "threads", 1, 256),
            // the decoder (Qwen2Config)
            ConfigField.integer("vocab_size", "Vocabulary", "tokens", 64, 200_000),
            ConfigField.integer("hidden_size", "Width", "units", 8, 16_384),
            ConfigField.integer("intermediate_size", "Feed-forward width", "units", 8, 65_536),
            ConfigField.integer("num_hidden_layers", "Layers", "layers", 1, 128),
            ConfigField.integer("num_attention_heads", "Attention heads", "heads", 1, 128),
            ConfigField.integer("num_key_value_heads", "Key/value heads", "heads", 1, 128),
            ConfigField.integer("max_position_embeddings", "Context", "tokens", 16, 131_072),
            ConfigField.above("rope_theta", "RoPE base", "", 0, 1e9),
            ConfigField.above("rms_norm_eps", "RMSNorm epsilon", "", 0, 1),
            // the projector, the Stage 3 LoRA
            ConfigField.integer("hidden", "Projector hidden", "units", 1, 16_384),
            ConfigField.integer("bottleneck", "Projector bottleneck", "units", 1, 16_384),
            ConfigField.integer("r", "LoRA rank", "", 1, 1024),
            ConfigField.above("lora_alpha", "LoRA alpha", "", 0, 1e4),
            ConfigField.real("lora_dropout", "LoRA dropout", "share", 0, 0.99),
            // Stage 4 (SapoConfig)
            ConfigField.integer("promptsPerStep", "Prompts per step", "prompts", 1, 4096),
            ConfigField.integer("group", "Group size G", "rollouts", 2, 256),
            ConfigField.integer("maxNewTokens", "Longest rollout", "tokens", 1, 32_768),
            ConfigField.above("temperature", "Sampling temperature", "", 0, 10),
            ConfigField.above("topP", "Top-p", "share", 0, 1),
            ConfigField.integer("updatesPerBatch", "Updates per batch", "passes", 1, 64),
            ConfigField.real("warmupRatio", "Warm-up", "share of steps", 0, 0.99),
            ConfigField.real("weightDecay", "Weight decay", "", 0, 1),
            ConfigField.above("clip", "Gradient clip", "L2 norm", 0, 1e6),
            ConfigField.above("tauPositive", "Gate temperature +", "", 0, 100),
            ConfigField.above("tauNegative", "Gate temperature -", "", 0, 100),
            ConfigField.real("klInitial", "KL coefficient at start", "", 0, 100),
            ConfigField.above("klTarget", "KL target", "nats/token", 0, 100),
            ConfigField.above("klHorizon", "KL horizon", "prompts", 0, 1e9),
            ConfigField.real("klSmoothing", "KL smoothing", "old weight", 0, 0.999),
            ConfigField.real("advantageStdFloor", "Advantage scale floor", "reward", 0, 1000),
            ConfigField.real("format", "Format reward", "weight", 0, 100),
            ConfigField.real("option", "Option reward", "weight", 0, 100),
            ConfigField.real("accuracy", "Accuracy reward", "weight", 0, 100),
            ConfigField.real("length", "Length reward", "weight", 0, 100),
            ConfigField.real("grounding", "Grounding reward", "weight", 0, 100),
            ConfigField.real("hallucination", "Hallucination penalty", "weight", 0, 100),
            ConfigField.integer("minReasoning", "Shortest reasoning", "characters", 1, 100_000),
            ConfigField.integer("maxReasoning", "Longest reasoning", "characters", 1, 100_000),
            ConfigField.integer("loraRank", "LoRA rank", "", 1, 1024),
            ConfigField.above("loraAlpha", "LoRA alpha", "", 0, 1e4),
            ConfigField.integer("loggedPrompts", "Logged prompts", "per step", 0, 4096));

    private ConfigFields() {
    }

    private static Map<String, ConfigField> table(ConfigField... fields) {
        Map<String, ConfigField> m = new java.util.LinkedHashMap<>();
        for (ConfigField f : fields) {
            m.put(f.pointer(), f);
        }
        return m;
    }

    /**
     * A field for every number under each of {@code blocks} (JSON pointers into {@code preset};
     * {@code ""} is the whole document's top level, nested objects are walked), in the order given.
     *
     * @throws IllegalArgumentException for a number this table does not know (a new config key needs a row)
     */
    public static List<ConfigField> of(JsonNode preset, List<String> blocks) {
        List<ConfigField> fields = new ArrayList<>();
        for (String block : blocks) {
            JsonNode node = preset.at(block);
            if (node.isNumber()) {
                fields.add(field(block));
            } else if (node.isObject()) {
                walk(node, block, fields);
            } else {
                throw new IllegalArgumentException("no number or object at " + block);
            }
        }
        return fields;
    }

    private static void walk(JsonNode node, String at, List<ConfigField> fields) {
        node.properties().forEach(e -> {
            String pointer = at + "/" + e.getKey();
            if (e.getValue().isNumber()) {
                fields.add(field(pointer));
            } else if (e.getValue().isObject()) {
                walk(e.getValue(), pointer, fields);
            }
        });
    }

    private static ConfigField field(String pointer) {
        String key = pointer.substring(pointer.lastIndexOf('/') + 1);
        ConfigField f = KNOWN.get(key);
        if (f == null) {
            throw new IllegalArgumentException("no form field is known for the config key " + pointer);
        }
        return new ConfigField(pointer, f.label(), f.unit(), f.min(), f.max(), f.integer(), f.aboveMin());
    }
}
