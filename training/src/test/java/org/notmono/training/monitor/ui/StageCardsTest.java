package org.notmono.training.monitor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.fx.task.TaskService;
import org.notmono.cli.InputException;
import org.notmono.model.chat.OptionChoice;
import org.notmono.training.asa.AsaReport;
import org.notmono.training.cli.BenchAsaCommand;
import org.notmono.training.cli.TrainCurriculumCommand;
import org.notmono.training.cli.TrainStage0Command;
import org.notmono.training.cli.TrainStage2Command;
import org.notmono.training.cli.TrainStage3Command;
import org.notmono.training.cli.TrainStage4Command;
import org.notmono.training.curriculum.CurriculumConfig;
import org.notmono.training.asa.LalmAnswerer;
import org.notmono.training.monitor.NotMonoCli;
import org.notmono.training.monitor.StageCatalog;
import org.notmono.training.monitor.StageSpec;
import org.notmono.training.qa.Family;
import org.notmono.training.run.RunFolder;
import picocli.CommandLine;

/**
 * The cards of Stage 0, 2, 3, 4 and the whole curriculum without a window: their forms, the
 * inputs they refuse and why, the checkpoints they offer to start from, and the exact command
 * lines Launch and Evaluate run (which the real commands accept).
 */
class StageCardsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    @TempDir
    Path dir;
    private Path root;
    private TrainingViewModel model;
    private final List<Path> encoders = new ArrayList<>();
    private final List<Path> lalms = new ArrayList<>();

    @BeforeEach
    void setUp() {
        root = dir.resolve("runs");
        model = new TrainingViewModel(new TaskService(Runnable::run, Runnable::run), new NotMonoCli(List.of("java")), null, root,
                pid -> false, Runnable::run, Runnable::run, encoders::add, lalms::add);
    }

    private StageCardViewModel card(String id) {
        return model.cards().stream().filter(c -> c.spec().id().equals(id)).findFirst().orElseThrow();
    }

    private Path lalmRun(String name, String stage, String state, int hidden) throws Exception {
        return lalmRun(root, name, stage, state, hidden);
    }

    /** A finished (or other) run of {@code stage} under {@code root} with one LALM checkpoint (step 4) whose decoder is {@code hidden} wide. */
    static Path lalmRun(Path root, String name, String stage, String state, int hidden) throws Exception {
        RunFolder f = RunFolder.create(root, stage, MAPPER.createObjectNode());
        Path run = root.resolve(name);
        Files.move(f.dir(), run);
        Path ckpt = run.resolve("checkpoints/step-4");
        Files.createDirectories(ckpt);
        ObjectNode json = MAPPER.createObjectNode();
        ObjectNode lm = CurriculumConfig.resolve("tiny").lm().toJson();
        lm.put("hidden_size", hidden);
        json.set("lm", lm);
        json.putObject("training").put("stage", stage);
        Files.writeString(ckpt.resolve("model.json"), json.toString());
        Files.writeString(ckpt.resolve("lm.safetensors"), "");
        Files.writeString(run.resolve("status.json"), "{\"stage\":\"" + stage + "\",\"state\":\"" + state
                + "\",\"globalStep\":4,\"totalSteps\":4,\"epoch\":0,\"message\":\"\",\"pid\":1}");
        return ckpt;
    }

    @Test
    void theCardsFollowTheCurriculumInOrderWithTheirPresets() {
        assertEquals(List.of("stage1", "stage0", "stage2", "stage3", "stage4", "curriculum"),
                model.cards().stream().map(c -> c.spec().id()).toList());
        assertEquals(List.of("tiny"), card("stage0").presetChoices(), "the LM has only a tiny config (and from file...)");
        assertEquals(List.of("tiny", "paper"), card("stage4").presetChoices());
        assertEquals("Curriculum: all stages", card("curriculum").spec().title());
        assertTrue(model.cards().stream().allMatch(c -> c.spec().deviceOption()), "every stage's command takes --device");
        for (StageCardViewModel c : model.cards()) {
            assertTrue(c.fields().stream().allMatch(f -> f.error().get().isEmpty()), c.spec().id() + ": its preset is valid");
        }
    }

    @Test
    void eachFormHoldsItsStagesNumbersWithTheirRanges() throws Exception {
        StageCardViewModel s0 = card("stage0");
        assertEquals("8000", s0.field("/stage0/steps").text().get(), "from curriculum-tiny.json");
        assertEquals("256", s0.field("/lm/hidden_size").text().get());
        assertFalse(s0.fields().stream().anyMatch(f -> f.spec().pointer().startsWith("/stage2")), "Stage 0 shows its own settings");
        assertFalse(card("stage2").fields().stream().anyMatch(f -> f.spec().pointer().startsWith("/lm")),
                "Stage 2 keeps its start checkpoint's decoder");
        assertTrue(card("stage3").fields().stream().anyMatch(f -> f.spec().pointer().equals("/lora/r")), "Stage 3 trains the LoRA");
        assertEquals("250", card("stage4").field("/steps").text().get(), "the recipe's Stage 4 (curriculum-tiny.json)");

        s0.field("/stage0/steps").text().set("0");
        assertEquals("Steps: 0 is outside 1 to 10000000 steps", s0.field("/stage0/steps").errorProperty().get());
        s0.field("/stage0/learningRate").text().set("0");
        assertEquals("Peak learning rate: 0 is outside above 0 to 1 per step", s0.field("/stage0/learningRate").errorProperty().get());
        s0.field("/stage0/learningRate").text().set("1");
        assertEquals("", s0.field("/stage0/learningRate").errorProperty().get(), "1 is allowed");
        s0.field("/stage0/learningRate").text().set("1.5");
        assertFalse(s0.field("/stage0/learningRate").errorProperty().get().isEmpty());
        s0.field("/stage0/batchSize").text().set("0");
        assertEquals("Batch size: 0 is outside 1 to 4096 examples", s0.field("/stage0/batchSize").errorProperty().get());
        s0.field("/stage0/seed").text().set("100000");
        assertEquals("Seed: 100000 is outside 0 to 99999", s0.field("/stage0/seed").errorProperty().get());
        s0.field("/stage0/lengthBuckets").text().set("-1");
        assertEquals("Length buckets: -1 is outside 0 to 100000 batches (0: off)", s0.field("/stage0/lengthBuckets").errorProperty().get());
        assertEquals("300", s0.field("/stage0/knowledge").text().get(), "the recipe's world knowledge");
        s0.field("/stage0/knowledge").text().set("-2");
        assertEquals("World knowledge: -2 is outside 0 to 100000 per fact (0: off)",
                s0.field("/stage0/knowledge").errorProperty().get());
        assertFalse(s0.launchableBinding().get());

        StageCardViewModel s4 = card("stage4");
        s4.field("/group").text().set("1");
        assertEquals("Group size G: 1 is outside 2 to 256 rollouts", s4.field("/group").errorProperty().get());
        s4.field("/group").text().set("8");
        s4.field("/topP").text().set("0");
        assertFalse(s4.field("/topP").errorProperty().get().isEmpty(), "top-p is in (0, 1]");

        StageCardViewModel c = card("curriculum");
        c.field("/lm/num_attention_heads").text().set("3");
        assertTrue(c.formErrorProperty().get().contains("not a multiple of num_attention_heads 3"), "the decoder's own rule: "
                + c.formErrorProperty().get());
    }

    @Test
    void aHeldOutDatasetIsRefusedWithTheReason() throws Exception {
        StageCardViewModel s0 = card("stage0");
        assertEquals("Training data: choose a dataset folder or generate one", s0.formErrorProperty().get());
        s0.input("--data").set(TrainingViewModelTest.dataset(dir.resolve("eval"), 100_000).toString());
        assertEquals("Training data: " + dir.resolve("eval") + " was made with seed 100000, held out for evaluation (seeds from 100000"
                + " up are never trained on); choose or generate data with a seed below it", s0.formErrorProperty().get());
        assertFalse(s0.launchableBinding().get());
        s0.input("--data").set(dir.resolve("nothing").toString());
        assertTrue(s0.formErrorProperty().get().contains("is not a dataset made by 'notmono dataset'"), s0.formErrorProperty().get());
        s0.input("--data").set(TrainingViewModelTest.dataset(dir.resolve("train"), 99_999).toString());
        assertEquals("", s0.formErrorProperty().get());
        assertTrue(s0.launchableBinding().get());
    }

    @Test
    void eachStageOffersOnlyTheFinishedCheckpointsOfTheStageBefore() throws Exception {
        Path s0 = lalmRun("stage0-b", "stage0", "finished", 256);
        lalmRun("stage0-a", "stage0", "stopped", 256);
        Path s2 = lalmRun("stage2-a", "stage2", "finished", 256);
        Path s3 = lalmRun("stage3-a", "stage3", "finished", 256);
        lalmRun("stage4-a", "stage4", "finished", 256);
        model.refresh();
        assertEquals(List.of(s0.toString()), card("stage2").choices("--init"), "Stage 2 starts from Stage 0; a stopped run is not offered");
        assertEquals(List.of(s2.toString()), card("stage3").choices("--init"));
        assertEquals(List.of(s3.toString()), card("stage4").choices("--init"));

        StageCardViewModel s3card = card("stage3");
        s3card.input("--data").set(TrainingViewModelTest.dataset(dir.resolve("train"), 1).toString());
        s3card.input("--init").set(s0.toString());
        assertEquals("Start from: --init " + s0 + " is a stage0 checkpoint; this stage starts from a stage2 checkpoint",
                s3card.formErrorProperty().get());
        Path narrow = lalmRun("stage2-narrow", "stage2", "finished", 64);
        s3card.input("--init").set(narrow.toString());
        assertTrue(s3card.formErrorProperty().get().contains("the decoder's hidden_size is 64 but the config (tiny) wants 256"),
                s3card.formErrorProperty().get());
        assertTrue(s3card.formErrorProperty().get().endsWith("(Preset > from file... > " + root.resolve("stage2-narrow/config.json") + ")"),
                "points to the config the checkpoint was trained with: " + s3card.formErrorProperty().get());
        s3card.input("--init").set(s2.toString());
        assertEquals("", s3card.formErrorProperty().get());
    }

    @Test
    void launchRunsTheCommandAUserWouldTypeAndTheCommandAcceptsIt() throws Exception {
        Path data = TrainingViewModelTest.dataset(dir.resolve("train"), 1);
        Path init0 = lalmRun("stage0-a", "stage0", "finished", 256);
        Path init3 = lalmRun("stage3-a", "stage3", "finished", 256);
        Path qa = Files.writeString(data.resolve("qa-mcq.jsonl"), "{}\n");
        Path written = root.resolve(".configs/x.json");

        StageCardViewModel s0 = card("stage0");
        s0.input("--data").set(data.toString());
        s0.deviceProperty().set("cpu");
        assertEquals(List.of("train", "stage0", "--config", "tiny", "--data", data.toString(), "--device", "cpu", "-o", root.toString()),
                s0.launchArgs(written, root), "the preset unchanged is named, the device passed on");
        s0.field("/stage0/steps").text().set("5");
        List<String> edited = s0.launchArgs(written, root);
        assertEquals(List.of("train", "stage0", "--config", written.toString(), "--data", data.toString(), "--device", "cpu", "-o",
                root.toString()), edited);
        assertAccepted(new TrainStage0Command(), edited);
        assertEquals(5, s0.config().path("stage0").path("steps").asInt(), "the written config carries the change");

        StageCardViewModel s2 = card("stage2");
        s2.input("--data").set(data.toString());
        s2.input("--init").set(init0.toString());
        s2.deviceProperty().set("gpu");
        List<String> a2 = s2.launchArgs(written, root);
        assertEquals(List.of("train", "stage2", "--config", "tiny", "--data", data.toString(), "--init", init0.toString(), "--device",
                "gpu", "-o", root.toString()), a2);
        assertAccepted(new TrainStage2Command(), a2);
        assertAccepted(new TrainStage3Command(), card("stage3").launchArgs(written, root));

        StageCardViewModel s4 = card("stage4");
        s4.presetProperty().set("paper");
        s4.input("--init").set(init3.toString());
        s4.input("--qa").set(qa.toString());
        s4.input("--data").set(data.toString());
        s4.deviceProperty().set("cpu");
        assertEquals("", s4.formErrorProperty().get());
        List<String> a4 = s4.launchArgs(written, root);
        assertEquals(List.of("train", "stage4", "--config", "paper", "--init", init3.toString(), "--qa", qa.toString(), "--data",
                data.toString(), "--device", "cpu", "-o", root.toString()), a4);
        assertAccepted(new TrainStage4Command(), a4);

        StageCardViewModel all = card("curriculum");
        all.input("--data").set(data.toString());
        all.deviceProperty().set("auto");
        List<String> ac = all.launchArgs(written, root);
        assertEquals(List.of("train", "curriculum", "--config", "tiny", "--data", data.toString(), "--device", "auto", "-o",
                root.toString()), ac);
        assertAccepted(new TrainCurriculumCommand(), ac);
        assertEquals("notmono train curriculum --config tiny --data " + data + " --device auto -o " + root, all.commandProperty().get(),
                "auto is passed, so the command picks a GPU when the engine sees one");
        all.deviceProperty().set("gpu");
        List<String> onGpu = all.launchArgs(written, root);
        assertEquals(List.of("train", "curriculum", "--config", "tiny", "--data", data.toString(), "--device", "gpu", "-o",
                root.toString()), onGpu);
        assertAccepted(new TrainCurriculumCommand(), onGpu);
    }

    @Test
    void eachLalmAnswererAndChoiceGoIntoTheAsaCommandAndTheCommandKnowsThem() throws Exception {
        StageSpec stage2 = StageCatalog.byId("stage2");
        assertEquals(List.of(LalmAnswerer.values()), stage2.evalAnswerers());
        Path ckpt = Path.of("/r/s/checkpoints/step-4");
        Path bench = dir.resolve("no-benchmark");
        Path out = Path.of("/r/.evals/e");
        Map<LalmAnswerer, String> names = Map.of(LalmAnswerer.LALM, "lalm", LalmAnswerer.TEXT_ONLY, "text-only",
                LalmAnswerer.LALM_TRUTH, "lalm-truth", LalmAnswerer.LALM_TRUTH_TEXT, "lalm-truth-text",
                LalmAnswerer.LALM_EXACT_OPTIONS, "lalm-exact-options");
        Map<OptionChoice, String> choices = Map.of(OptionChoice.LIKELIEST, "likeliest", OptionChoice.WRITTEN, "written", OptionChoice.WALK,
                "walk", OptionChoice.CONSENSUS, "consensus");
        for (LalmAnswerer a : LalmAnswerer.values()) {
            for (OptionChoice c : OptionChoice.values()) {
                List<String> args = stage2.evalArgs(ckpt, bench, out, a, c);
                assertEquals(List.of("bench", "asa", "--answerer", names.get(a), "--choice", choices.get(c), "--checkpoint", ckpt.toString(),
                        "--benchmark", bench.toString(), "-o", out.toString(), "--json"), args);
                BenchAsaCommand command = new BenchAsaCommand();
                CommandLine.ParseResult parsed = new CommandLine(command).parseArgs(args.subList(2, args.size()).toArray(String[]::new));
                assertEquals(choices.get(c), parsed.matchedOptionValue("--choice", null));
                // the answerer, --checkpoint and --choice are checked before the benchmark folder: only a LALM answerer and a
                // choice it knows get that far
                InputException e = assertThrows(InputException.class, command::call);
                assertTrue(e.getMessage().contains(bench + ": no such folder"), a + " " + c + ": " + e.getMessage());
            }
        }
        StageSpec stage1 = StageCatalog.byId("stage1");
        assertEquals(List.of(), stage1.evalAnswerers(), "the encoder's evaluation has no answerer");
        assertEquals(List.of("eval", "encoder", "--checkpoint", ckpt.toString(), "--data", "/d", "--json"),
                stage1.evalArgs(ckpt, Path.of("/d"), out, LalmAnswerer.TEXT_ONLY, OptionChoice.WRITTEN), "nor a choice");
    }

    @Test
    void launchWritesAConfigFileOnlyWhenTheFormWasChanged() throws Exception {
        Path echo = Path.of("/bin/echo");
        model = new TrainingViewModel(new TaskService(Runnable::run, Runnable::run), new NotMonoCli(List.of(echo.toString())), null, root,
                pid -> false, Runnable::run, Runnable::run, encoders::add, lalms::add);
        StageCardViewModel s0 = card("stage0");
        s0.input("--data").set(TrainingViewModelTest.dataset(dir.resolve("train"), 1).toString());
        TrainingViewModel.Launch plain = model.launch(s0);
        plain.process().waitFor();
        assertFalse(Files.exists(root.resolve(".configs")), "the preset is named, nothing written");
        assertTrue(Files.readString(plain.output()).contains("train stage0 --config tiny --data"), Files.readString(plain.output()));

        s0.field("/stage0/steps").text().set("7");
        TrainingViewModel.Launch changed = model.launch(s0);
        changed.process().waitFor();
        List<Path> configs;
        try (var s = Files.list(root.resolve(".configs"))) {
            configs = s.toList();
        }
        assertEquals(1, configs.size());
        CurriculumConfig written = CurriculumConfig.resolve(configs.getFirst().toString());
        assertEquals(7, written.stage0().steps());
        assertEquals(CurriculumConfig.resolve("tiny").lm(), written.lm(), "the rest is the preset's");
        assertTrue(Files.readString(changed.output()).contains("--config " + configs.getFirst()), Files.readString(changed.output()));
    }

    @Test
    void aConfigFileBecomesThePreset() throws Exception {
        ObjectNode json = CurriculumConfig.resolve("tiny").toJson();
        json.withObject("stage2").put("steps", 33);
        Path file = Files.writeString(dir.resolve("mine.json"), json.toString());
        StageCardViewModel s2 = card("stage2");
        assertNull(s2.usePresetFile(file));
        assertEquals("33", s2.field("/stage2/steps").text().get());
        assertEquals(List.of("tiny", file.toString()), s2.presetChoices());
        assertFalse(s2.editedProperty().get(), "the file is named as it is");
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"format\": \"x\"}");
        assertTrue(s2.usePresetFile(bad).contains("not a curriculum config"), s2.usePresetFile(bad));
        assertEquals(file.toString(), s2.presetProperty().get(), "a bad file changes nothing");
    }

    @Test
    void aLalmCheckpointGoesToChat() throws Exception {
        Path ckpt = lalmRun("stage3-a", "stage3", "finished", 256);
        model.refresh();
        RunRow run = model.run("stage3-a");
        assertEquals("Chat", TrainingViewModel.usedIn(run));
        model.use(run, 4);
        assertEquals(List.of(ckpt), lalms);
        assertEquals(List.of(), encoders);
    }

    @Test
    void evaluateRunsTheAsaBenchmarkOnALalmCheckpointAndShowsItsResults() throws Exception {
        Path ckpt = lalmRun("stage2-a", "stage2", "finished", 256);
        AsaReport report = new AsaReport("lalm");
        report.add(Family.COUNT, true, true, false);
        report.add(Family.COUNT, false, true, false);
        report.add(Family.ROTATE, true, true, false);
        ObjectMapper mapper = new ObjectMapper();
        Path results = Files.writeString(dir.resolve("results.json"), mapper.writeValueAsString(report.toJson(mapper, "/b")));
        Path argv = dir.resolve("argv.txt");
        model = new TrainingViewModel(new TaskService(Runnable::run, Runnable::run), recordingCli(argv, results), null, root,
                pid -> false, Runnable::run,
                Runnable::run, encoders::add, lalms::add);
        model.refresh();
        Path bench = Files.createDirectories(dir.resolve("bench"));
        model.evaluate(model.run("stage2-a"), 4, bench);
        assertEquals(List.of("bench", "asa", "--answerer", "lalm", "--choice", "likeliest", "--checkpoint", ckpt.toString(), "--benchmark",
                bench.toString(), "-o", root.resolve(".evals/stage2-a-step-4-bench").toString(), "--json"), Files.readAllLines(argv),
                "the likeliest option at start");
        var r = model.evalResultProperty().get();
        assertEquals(List.of("L1", "L2", "L3", "overall"), r.chart().stream().map(row -> row.metric()).toList());
        assertEquals(List.of(50.0), r.chart().get(0).values());
        assertEquals(List.of(100.0), r.chart().get(2).values());
        assertEquals(List.of(66.67), r.chart().get(3).values(), "2 of 3, as results.json rounds it");
        assertEquals("stage2-a step 4 on bench, answerer lalm (3 items)", model.evalTitleProperty().get());
    }

    /** A stand-in for the notmono launcher: writes its arguments to {@code argv}, a line each, and prints {@code stdout} (results.json, as --json does). */
    static NotMonoCli recordingCli(Path argv, Path stdout) {
        return new NotMonoCli(List.of("sh", "-c", "printf '%s\\n' \"$@\" > '" + argv + "'; cat '" + stdout + "'", "notmono"));
    }

    private static void assertAccepted(Object command, List<String> args) {
        CommandLine.ParseResult parsed = new CommandLine(command).parseArgs(args.subList(2, args.size()).toArray(String[]::new));
        assertTrue(parsed.unmatched().isEmpty(), args.toString());
    }
}
