package org.notmono.training.monitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import org.notmono.cli.InputException;
import org.notmono.training.asa.LalmAnswerer;
import org.notmono.training.cli.TrainCurriculumCommand;
import org.notmono.training.cli.TrainStage0Command;
import org.notmono.training.cli.TrainStage1Command;
import org.notmono.training.cli.TrainStage2Command;
import org.notmono.training.cli.TrainStage3Command;
import org.notmono.training.cli.TrainStage4Command;
import org.notmono.training.curriculum.CurriculumConfig;
import org.notmono.training.sapo.SapoConfig;
import org.notmono.training.stage1.Stage1Config;
import picocli.CommandLine;

/**
 * The curriculum stages the Training workspace offers, in the order a user trains them: Stage 1
 * (the encoder), Stage 0 (the decoder), 2, 3, 4, and the whole curriculum in one command. The
 * LM stages' forms are generated from the curriculum config ({@code curriculum-tiny.json}),
 * Stage 4's from its SAPO presets; whether a command takes {@code --device} or {@code --resume}
 * is read from the command itself.
 */
public final class StageCatalog {
    /**
     * The ASA benchmark on a LALM checkpoint ({@code bench asa --answerer A --choice C}, one of {@link LalmAnswerer}
     * answering by one of {@link org.notmono.model.chat.OptionChoice}).
     */
    static final List<String> ASA_EVAL = List.of("bench", "asa", "--answerer", "{answerer}", "--choice", "{choice}",
            "--checkpoint", "{checkpoint}", "--benchmark", "{data}", "-o", "{out}", "--json");
    static final String BENCHMARK = "ASA benchmark (a folder made by 'notmono benchmark build')";
    private static final List<String> LM_HEADLINE = List.of("train/loss", "train/learning_rate", "train/tokens_per_second");
    private static final List<StageSpec> ALL = List.of(stage1(), stage0(), lmStage("stage2"), lmStage("stage3"), stage4(), curriculum());

    private StageCatalog() {
    }

    public static List<StageSpec> all() {
        return ALL;
    }

    /** The stage with this id ({@code stage1}), or null. */
    public static StageSpec byId(String id) {
        return ALL.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }

    static StageSpec stage1() {
        List<ConfigField> fields = List.of(
                ConfigField.integer("/training/epochs", "Epochs", "epochs", 1, 10_000),
                ConfigField.integer("/training/batchSize", "Batch size", "clips", 1, 512),
                ConfigField.above("/training/learningRate", "Peak learning rate", "per step", 0, 1),
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
                List.of("tiny", "base", "paper"), name -> json(() -> Stage1Config.resolve(name).toJson()), fields,
                config -> check(() -> Stage1Config.fromJson(config, "the form"), "^the form: not a Stage 1 config: "),
                List.of(StageInput.dataset("--data", "Training data", true), StageInput.dataset("--val", "Validation data", false)),
                List.of("train", "stage1"), hasOption(new TrainStage1Command(), "--device"), hasOption(new TrainStage1Command(), "--resume"),
                List.of("train/loss", "val/count_accuracy", "val/angular_error_deg"),
                List.of("eval", "encoder", "--checkpoint", "{checkpoint}", "--data", "{data}", "--json"),
                "held-out dataset (seed 100000 or above)", StageSpec.Product.ENCODER);
    }

    /** Stage 0: the tokenizer and decoder from scratch, so the decoder's and projector's shapes are the stage's to choose. */
    static StageSpec stage0() {
        return curriculumStage("stage0", "Stage 0: decoder from scratch",
                "Trains the tokenizer, then the decoder and the projector on the training scenes: paragraphs, and questions"
                        + " answered from a written scene description and heard from the scene's true sources. Hears through the"
                        + " Stage 1 encoder.",
                List.of("/stage0", "/threads", "/lm", "/projector"),
                List.of(StageInput.dataset("--data", "Training data", true),
                        new StageInput("--encoder", "Encoder", false, StageInput.Kind.ENCODER, null,
                        "Stage 1 checkpoint (default: shipped)")),
                new TrainStage0Command(), List.of("train", "stage0"));
    }

    /** Stage 2 (alignment, the projector alone) or 3 (SFT: projector and LoRA), from the stage before's checkpoint. */
    static StageSpec lmStage(String id) {
        boolean sft = id.equals("stage3");
        String from = sft ? "stage2" : "stage0";
        List<String> blocks = sft ? List.of("/stage3", "/threads", "/lora") : List.of("/stage2", "/threads");
        return curriculumStage(id, sft ? "Stage 3: supervised fine-tuning" : "Stage 2: alignment",
                sft ? "Projector and LoRA learn chain-of-thought answers <think>...</think><answer>...</answer>; starts from a Stage 2 checkpoint."
                        : "Encoder and decoder frozen, the projector alone learns open questions and scene descriptions from the clips;"
                        + " starts from a Stage 0 checkpoint.",
                blocks, List.of(StageInput.dataset("--data", "Training data", true),
                        new StageInput("--init", "Start from", true, StageInput.Kind.CHECKPOINT, from,
                        "a finished " + from + " checkpoint (required)")),
                sft ? new TrainStage3Command() : new TrainStage2Command(), List.of("train", id));
    }

    /** The whole curriculum after the encoder, Stage 0 to 4, each in its own run. */
    static StageSpec curriculum() {
        return curriculumStage("curriculum", "Curriculum: all stages",
                "Runs Stage 0, 2, 3 and 4 in order, each in its own run starting from the one before; launching it again"
                        + " continues where it stopped.",
                List.of("/stage0", "/stage2", "/stage3", "/stage4", "/threads", "/lm", "/projector", "/lora"),
                List.of(StageInput.dataset("--data", "Training data", true),
                        new StageInput("--encoder", "Encoder", false, StageInput.Kind.ENCODER, null,
                        "Stage 1 checkpoint (default: shipped)")),
                new TrainCurriculumCommand(), List.of("train", "curriculum"));
    }

    private static StageSpec curriculumStage(String id, String title, String summary, List<String> blocks, List<StageInput> inputs,
                                             Callable<Integer> command, List<String> train) {
        List<String> presets = new ArrayList<>(CurriculumConfig.NAMES);
        JsonNode tiny = curriculumPreset(presets.getFirst());
        return new StageSpec(id, title, summary, presets, StageCatalog::curriculumPreset, ConfigFields.of(tiny, blocks),
                config -> check(() -> CurriculumConfig.fromJson(config, "the form"), "^the form:? ?"), inputs, train,
                hasOption(command, "--device"), hasOption(command, "--resume"),
                id.equals("stage4") ? List.of() : LM_HEADLINE, id.equals("curriculum") ? List.of() : ASA_EVAL, BENCHMARK,
                StageSpec.Product.LALM);
    }

    /** Stage 4: SAPO on a Stage 3 checkpoint, with its own presets (tiny, paper). */
    static StageSpec stage4() {
        return new StageSpec("stage4", "Stage 4: SAPO",
                "Reinforcement learning on multiple-choice questions: G rollouts a prompt, group advantages, soft gate and"
                        + " adaptive KL; starts from a Stage 3 checkpoint.",
                List.of("tiny", "paper"), name -> json(() -> SapoConfig.resolve(name).toJson()),
                ConfigFields.of(SapoConfig.tiny().toJson(), List.of("")),
                config -> check(() -> SapoConfig.fromJson(config, "the form"), "^the form: bad stage 4 config: "),
                List.of(new StageInput("--init", "Start from", true, StageInput.Kind.CHECKPOINT, "stage3",
                        "a finished stage3 checkpoint (required)"),
                        new StageInput("--qa", "Questions", true, StageInput.Kind.QUESTIONS, null,
                        "multiple-choice items, .jsonl (required)"),
                        new StageInput("--data", "Clips", false, StageInput.Kind.FOLDER, null,
                        "folder (default: the questions' folder)")),
                List.of("train", "stage4"), hasOption(new TrainStage4Command(), "--device"), hasOption(new TrainStage4Command(), "--resume"),
                List.of("reward/total", "kl/value", "kl/coef"), ASA_EVAL, BENCHMARK, StageSpec.Product.LALM);
    }

    private static JsonNode curriculumPreset(String nameOrFile) {
        return json(() -> CurriculumConfig.resolve(nameOrFile).toJson());
    }

    private static JsonNode json(Callable<JsonNode> read) {
        try {
            return read.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Null when {@code parse} accepts the config, else its message without the prefix {@code strip} matches. */
    private static String check(Runnable parse, String strip) {
        try {
            parse.run();
            return null;
        } catch (InputException | IllegalArgumentException e) {
            return String.valueOf(e.getMessage()).replaceFirst(strip, "");
        }
    }

    private static boolean hasOption(Object command, String option) {
        return CommandLine.Model.CommandSpec.forAnnotatedObject(command).findOption(option) != null;
    }
}
