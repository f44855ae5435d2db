package org.notmono.training.monitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.notmono.cli.InputException;
import org.notmono.training.cli.TrainStage1Command;
import org.notmono.training.stage1.Stage1Config;
import picocli.CommandLine;

/**
 * The curriculum stages the Training workspace offers, in order. Stage 1 is here today; stages
 * 0, 2, 3 and 4 join as entries of {@link #all()} when their commands land.
 */
public final class StageCatalog {
    private StageCatalog() {
    }

    public static List<StageSpec> all() {
        return List.of(stage1());
    }

    /** The stage with this id ({@code stage1}), or null. */
    public static StageSpec byId(String id) {
        return all().stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }

    static StageSpec stage1() {
        List<ConfigField> fields = List.of(
                ConfigField.integer("/training/epochs", "Epochs", "epochs", 1, 10_000),
                ConfigField.integer("/training/batchSize", "Batch size", "clips", 1, 512),
                ConfigField.real("/training/learningRate", "Peak learning rate", "per step", 1e-7, 1),
                ConfigField.integer("/training/warmupSteps", "Warm-up", "steps", 0, 1_000_000),
                ConfigField.real("/training/gradientClip", "Gradient clip", "L2 norm", 0.01, 1e6),
                ConfigField.real("/training/windowSeconds", "Example length", "s", 0.25, 60),
                ConfigField.integer("/training/checkpointEvery", "Checkpoint every", "steps", 1, 10_000_000),
                ConfigField.integer("/training/validateEvery", "Validate every", "steps", 1, 10_000_000),
                ConfigField.integer("/training/validationClips", "Validation clips", "clips", 1, 1_000_000),
                ConfigField.real("/training/realFraction", "Real share", "phase II", 0, 0.99),
                ConfigField.integer("/training/seed", "Seed", "", 0, 99_999),
                ConfigField.integer("/training/threads", "Engine threads", "threads", 1, 256),
                ConfigField.integer("/encoder/hidden", "Hidden channels", "channels", 4, 1024),
                ConfigField.integer("/encoder/blocks", "Layer blocks", "blocks", 1, 64),
                ConfigField.integer("/encoder/heads", "Attention heads", "heads", 1, 64),
                ConfigField.integer("/encoder/feedForward", "Feed-forward width", "units", 4, 8192),
                ConfigField.integer("/encoder/embedding", "Embedding width", "units", 4, 4096),
                ConfigField.integer("/encoder/slots", "Slots", "slots", 2, 32),
                ConfigField.integer("/encoder/hop", "STFT hop", "samples", 16, 256),
                ConfigField.integer("/encoder/frequencyPool", "Frequency pooling", "bins", 1, 129),
                ConfigField.integer("/encoder/timePool", "Time pooling", "frames", 1, 64),
                ConfigField.real("/loss/direction", "Direction loss weight", "", 0, 100),
                ConfigField.real("/loss/distance", "Distance loss weight", "", 0, 100),
                ConfigField.real("/loss/classes", "Class loss weight", "", 0, 100),
                ConfigField.real("/loss/existence", "Existence loss weight", "", 0, 100),
                ConfigField.real("/loss/roomSurface", "Room surface loss weight", "", 0, 100),
                ConfigField.real("/loss/roomAbsorption", "Absorption loss weight", "", 0, 100));
        return new StageSpec("stage1", "Stage 1: spatial encoder",
                "Trains the spatial encoder on simulated scenes (phase I): directions, distances, classes, counts and the room.",
                List.of("tiny", "base", "paper"), StageCatalog::stage1Preset, fields, StageCatalog::checkStage1,
                List.of(new StageInput("--data", "Training data", true, true), new StageInput("--val", "Validation data", false, true)),
                List.of("train", "stage1"), hasOption(new TrainStage1Command(), "--device"),
                List.of("train/loss", "val/count_accuracy", "val/angular_error_deg"),
                List.of("eval", "encoder", "--checkpoint", "{checkpoint}", "--data", "{data}", "--json"),
                "held-out dataset (seed 100000 or above)");
    }

    private static JsonNode stage1Preset(String name) {
        try {
            return Stage1Config.resolve(name).toJson();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String checkStage1(JsonNode config) {
        try {
            Stage1Config.fromJson(config, "the form");
            return null;
        } catch (InputException | IllegalArgumentException e) {
            return e.getMessage().replaceFirst("^the form: not a Stage 1 config: ", "");
        }
    }

    private static boolean hasOption(Object command, String option) {
        return CommandLine.Model.CommandSpec.forAnnotatedObject(command).findOption(option) != null;
    }
}
