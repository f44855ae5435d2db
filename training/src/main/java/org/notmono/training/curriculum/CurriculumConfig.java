package org.notmono.training.curriculum;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.notmono.cli.InputException;
import org.notmono.model.lm.Qwen2Config;
import org.notmono.model.lora.LoraConfig;
import org.notmono.training.sapo.SapoConfig;

/**
 * The supervised curriculum's config ({@code notmono.curriculum/1}): the decoder's shape (its
 * {@code vocab_size} is also the size the Stage 0 tokenizer is trained to), the projector's
 * widths, whether its slot tokens carry their class's words ({@code "classWords"}, decision
 * 0012; default false), whether their learned part is rescaled to those words' length
 * ({@code "slotsAtWordScale"}, decision 0019; default false; needs the class words) and whether
 * its scene token carries the room's words ({@code "roomWords"}, decision 0017; default false),
 * the Stage 3 LoRA, engine threads, the settings of Stages 0, 2 and 3, and Stage 4's
 * SAPO config ({@code "stage4"}: a {@link SapoConfig} preset named by {@code "preset"}, default
 * {@code tiny}, with any of its fields overridden; absent, the {@code tiny} preset).
 */
public record CurriculumConfig(String name, Qwen2Config lm, int projectorHidden, int projectorBottleneck,
                               boolean projectorClassWords, boolean projectorSlotsAtWordScale, boolean projectorRoomWords, LoraConfig lora,
                               int threads, StageSettings stage0, StageSettings stage2, StageSettings stage3, SapoConfig stage4) {
    public static final String FORMAT = "notmono.curriculum/1";
    /** Named configs shipped as resources. */
    public static final List<String> NAMES = List.of("tiny");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The settings of {@code stage} ("stage0", "stage2", "stage3"). */
    public StageSettings settings(String stage) {
        return switch (stage) {
            case "stage0" -> stage0;
            case "stage2" -> stage2;
            case "stage3" -> stage3;
            default -> throw new IllegalArgumentException("no supervised stage " + stage);
        };
    }

    /** A named config or a JSON file (a run's config.json holds it under "curriculum"). */
    public static CurriculumConfig resolve(String nameOrFile) throws IOException {
        if (NAMES.contains(nameOrFile)) {
            try (InputStream in = CurriculumConfig.class.getResourceAsStream("curriculum-" + nameOrFile + ".json")) {
                return fromJson(MAPPER.readTree(in), "curriculum-" + nameOrFile + ".json");
            }
        }
        Path file = Path.of(nameOrFile);
        if (!Files.isRegularFile(file)) {
            throw new InputException("--config " + nameOrFile + " is neither one of " + NAMES + " nor a file");
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new InputException(file + ": not JSON (" + e.getMessage() + ")");
        }
        return fromJson(json.has("curriculum") ? json.get("curriculum") : json, file.toString());
    }

    /** Reads {@link #toJson()}'s form; anything missing or invalid is an {@link InputException} naming it. */
    public static CurriculumConfig fromJson(JsonNode json, String where) {
        if (!FORMAT.equals(json.path("format").asText())) {
            throw new InputException(where + ": \"format\" is not " + FORMAT + "; not a curriculum config");
        }
        Qwen2Config lm;
        try {
            lm = Qwen2Config.fromJson(StageSettings.required(json, "lm", where), where + " \"lm\"");
        } catch (IOException | IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
        JsonNode projector = StageSettings.required(json, "projector", where);
        LoraConfig lora;
        try {
            lora = LoraConfig.fromJson(StageSettings.required(json, "lora", where));
        } catch (IllegalArgumentException e) {
            throw new InputException(where + " \"lora\": " + e.getMessage());
        }
        boolean classWords = flag(projector, "classWords", where);
        boolean slotsAtWordScale = flag(projector, "slotsAtWordScale", where);
        if (slotsAtWordScale && !classWords) {
            throw new InputException(where + " \"projector\": \"slotsAtWordScale\" scales each slot token to its class words;"
                    + " set \"classWords\": true as well");
        }
        return new CurriculumConfig(json.path("name").asText(where), lm,
                StageSettings.required(projector, "hidden", where + " \"projector\"").asInt(),
                StageSettings.required(projector, "bottleneck", where + " \"projector\"").asInt(), classWords, slotsAtWordScale,
                flag(projector, "roomWords", where), lora,
                Math.max(1, json.path("threads").asInt(2)),
                StageSettings.fromJson(StageSettings.required(json, "stage0", where), where + " \"stage0\""),
                withoutKnowledge(json, "stage2", where), withoutKnowledge(json, "stage3", where),
                stage4(json.path("stage4"), where + " \"stage4\""));
    }

    private static boolean flag(JsonNode projector, String name, String where) {
        JsonNode n = projector.path(name);
        if (!n.isMissingNode() && !n.isBoolean()) {
            throw new InputException(where + " \"projector\": \"" + name + "\" must be true or false, got " + n);
        }
        return n.asBoolean(false);
    }

    /** A stage after Stage 0: it trains on clips, so world knowledge (a Stage 0 text) is refused there. */
    private static StageSettings withoutKnowledge(JsonNode json, String stage, String where) {
        StageSettings s = StageSettings.fromJson(StageSettings.required(json, stage, where), where + " \"" + stage + "\"");
        if (s.knowledge() > 0) {
            throw new InputException(where + " \"" + stage + "\": \"knowledge\" is a Stage 0 setting (text without audio);"
                    + " move it to \"stage0\"");
        }
        return s;
    }

    /** A preset ("preset", default tiny) with the block's other fields laid over it. */
    private static SapoConfig stage4(JsonNode block, String where) {
        if (block.isMissingNode() || block.isNull()) {
            return SapoConfig.tiny();
        }
        if (!block.isObject()) {
            throw new InputException(where + ": must be an object");
        }
        String preset = block.path("preset").asText("tiny");
        ObjectNode merged = switch (preset) {
            case "tiny" -> SapoConfig.tiny().toJson();
            case "paper" -> SapoConfig.paper().toJson();
            default -> throw new InputException(where + ": preset '" + preset + "' is neither tiny nor paper");
        };
        block.properties().forEach(e -> {
            if (!e.getKey().equals("preset")) {
                merged.set(e.getKey(), e.getValue());
            }
        });
        return SapoConfig.fromJson(merged, where);
    }

    public ObjectNode toJson() {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("format", FORMAT);
        n.put("name", name);
        n.set("lm", lm.toJson());
        ObjectNode p = n.putObject("projector");
        p.put("hidden", projectorHidden);
        p.put("bottleneck", projectorBottleneck);
        p.put("classWords", projectorClassWords);
        p.put("slotsAtWordScale", projectorSlotsAtWordScale);
        p.put("roomWords", projectorRoomWords);
        n.set("lora", lora.toJson());
        n.put("threads", threads);
        n.set("stage0", stage0.toJson());
        n.set("stage2", stage2.toJson());
        n.set("stage3", stage3.toJson());
        n.set("stage4", stage4.toJson());
        return n;
    }

    /** The same config with other settings for one stage (tests, short measurements). */
    public CurriculumConfig with(String stage, StageSettings s) {
        return new CurriculumConfig(name, lm, projectorHidden, projectorBottleneck, projectorClassWords, projectorSlotsAtWordScale,
                projectorRoomWords, lora, threads, stage.equals("stage0") ? s : stage0, stage.equals("stage2") ? s : stage2,
                stage.equals("stage3") ? s : stage3, stage4);
    }

    /** The same config with another Stage 4 config. */
    public CurriculumConfig withStage4(SapoConfig s) {
        return new CurriculumConfig(name, lm, projectorHidden, projectorBottleneck, projectorClassWords, projectorSlotsAtWordScale,
                projectorRoomWords, lora, threads, stage0, stage2, stage3, s);
    }
}
