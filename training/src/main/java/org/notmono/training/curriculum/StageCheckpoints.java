package org.notmono.training.curriculum;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.notmono.cli.InputException;
import org.notmono.model.lalm.LalmCheckpoint;

/** Which checkpoint a stage starts from, and the checks that it is one: a LALM checkpoint, of the stage before, of the config's shape. */
public final class StageCheckpoints {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The decoder's shape keys that must agree between a checkpoint and the config. */
    private static final List<String> SHAPE = List.of("vocab_size", "hidden_size", "intermediate_size", "num_hidden_layers",
            "num_attention_heads", "num_key_value_heads", "max_position_embeddings");

    private StageCheckpoints() {
    }

    /** The stage whose checkpoint {@code stage} starts from. */
    public static String previous(String stage) {
        return switch (stage) {
            case "stage2" -> "stage0";
            case "stage3" -> "stage2";
            default -> throw new IllegalArgumentException(stage + " starts from no checkpoint");
        };
    }

    /** The stage a LALM checkpoint was trained in (its model.json "training"."stage"), or null. */
    public static String stageOf(Path checkpoint) throws IOException {
        JsonNode stage = MAPPER.readTree(checkpoint.resolve(LalmCheckpoint.MODEL_JSON).toFile()).path("training").path("stage");
        return stage.isTextual() ? stage.asText() : null;
    }

    /**
     * How an error names what {@code checkpoint} is, from its stage ({@link #stageOf}): "PATH is a
     * stage2 checkpoint", or "PATH is a checkpoint of no stage" when its model.json names none.
     */
    public static String describe(Path checkpoint, String stage) {
        return checkpoint + " is a " + (stage == null ? "checkpoint of no stage" : stage + " checkpoint");
    }

    /**
     * Fails with an {@link InputException} naming {@code option} when {@code checkpoint} is not a
     * LALM checkpoint written by {@code expectedStage}, or its decoder differs from {@code config}'s.
     */
    public static void checkInit(Path checkpoint, String expectedStage, CurriculumConfig config, String option) throws IOException {
        if (checkpoint == null) {
            throw new InputException(option + " CHECKPOINT is required: the last checkpoint of " + expectedStage
                    + " (runs/" + expectedStage + "-*/checkpoints/step-N)");
        }
        if (!LalmCheckpoint.isCheckpoint(checkpoint)) {
            throw new InputException(option + " " + checkpoint + " is not a LALM checkpoint (no model.json and lm.safetensors);"
                    + " give the last checkpoint of " + expectedStage);
        }
        String stage = stageOf(checkpoint);
        if (!expectedStage.equals(stage)) {
            throw new InputException(option + " " + describe(checkpoint, stage) + "; this stage starts from a " + expectedStage + " checkpoint");
        }
        JsonNode lm = MAPPER.readTree(checkpoint.resolve(LalmCheckpoint.MODEL_JSON).toFile()).path("lm");
        JsonNode wanted = config.lm().toJson();
        for (String key : SHAPE) {
            if (!lm.path(key).equals(wanted.path(key))) {
                throw new InputException(option + " " + checkpoint + ": the decoder's " + key + " is " + lm.path(key) + " but the config ("
                        + config.name() + ") wants " + wanted.path(key) + "; use the config it was trained with");
            }
        }
    }
}
