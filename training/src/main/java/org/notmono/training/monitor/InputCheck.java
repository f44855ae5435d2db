package org.notmono.training.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.InvalidPathException;

import com.fasterxml.jackson.databind.JsonNode;
import org.notmono.cli.InputException;
import org.notmono.model.lalm.LalmCheckpoint;
import org.notmono.training.curriculum.CurriculumConfig;
import org.notmono.training.curriculum.StageCheckpoints;
import org.notmono.training.curriculum.StageSettings;
import org.notmono.training.qa.DatasetRtsds;

/**
 * What is wrong with a folder or file typed or chosen for a stage's input, before Launch, with
 * the same reasons the command would give: a training dataset made with a held-out seed, a
 * checkpoint of the wrong stage or of another decoder shape, a file that is not there.
 */
public final class InputCheck {
    private InputCheck() {
    }

    /**
     * Why {@code value} does not do for {@code input}, or null when it does (or is blank: whether a
     * blank is allowed is the caller's rule).
     *
     * @param config the stage's config as the form describes it (its decoder shape is checked
     *               against a checkpoint's); null when the form has errors
     */
    public static String problem(StageInput input, String value, JsonNode config) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Path p;
        try {
            p = Path.of(value.trim());
        } catch (InvalidPathException e) {
            return input.label() + ": '" + value + "' is not a path";
        }
        try {
            return switch (input.kind()) {
                case DATASET -> dataset(input, p);
                case CHECKPOINT -> checkpoint(input, p, config);
                case ENCODER -> Files.isRegularFile(p.resolve("model.json")) ? null
                        : input.label() + ": " + p + " is not an encoder checkpoint (no model.json); choose a Stage 1 checkpoint folder";
                case FILE, QUESTIONS -> Files.isRegularFile(p) ? null : input.label() + ": " + p + " is not a file";
                case FOLDER -> Files.isDirectory(p) ? null : input.label() + ": " + p + " is not a folder";
            };
        } catch (IOException e) {
            return input.label() + ": cannot read " + p + " (" + e.getMessage() + ")";
        }
    }

    private static String dataset(StageInput input, Path p) throws IOException {
        if (!Files.isRegularFile(p.resolve("manifest.json"))) {
            return input.label() + ": " + p + " is not a dataset made by 'notmono dataset' (no manifest.json); choose one or generate scenes";
        }
        long seed = DatasetRtsds.seed(p);
        if (seed >= StageSettings.HELD_OUT_SEEDS) {
            return input.label() + ": " + p + " was made with seed " + seed + ", held out for evaluation (seeds from "
                    + StageSettings.HELD_OUT_SEEDS + " up are never trained on); choose or generate data with a seed below it";
        }
        return null;
    }

    private static String checkpoint(StageInput input, Path p, JsonNode config) throws IOException {
        if (!LalmCheckpoint.isCheckpoint(p)) {
            return input.label() + ": " + p + " is not a LALM checkpoint (no model.json and lm.safetensors); choose a checkpoint of "
                    + input.fromStage();
        }
        boolean curriculum = config != null && CurriculumConfig.FORMAT.equals(config.path("format").asText());
        if (!curriculum) {
            String stage = StageCheckpoints.stageOf(p);
            return input.fromStage().equals(stage) ? null : input.label() + ": " + StageCheckpoints.describe(p, stage)
                    + "; this stage starts from a " + input.fromStage() + " checkpoint";
        }
        try {
            StageCheckpoints.checkInit(p, input.fromStage(), CurriculumConfig.fromJson(config, "the form"), input.option());
            return null;
        } catch (InputException e) {
            Path runConfig = p.toAbsolutePath().getParent().getParent().resolve("config.json");
            String hint = e.getMessage().contains("the decoder's") && Files.isRegularFile(runConfig)
                    ? " (Preset > from file... > " + runConfig + ")" : "";
            return input.label() + ": " + e.getMessage() + hint;
        }
    }
}
