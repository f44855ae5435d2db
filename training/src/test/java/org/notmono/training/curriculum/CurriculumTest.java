package org.notmono.training.curriculum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.cli.InputException;
import org.notmono.model.lalm.LalmCheckpoint;
import org.notmono.model.lalm.LalmModel;
import org.notmono.model.lm.Qwen2Config;
import org.notmono.training.cli.TrainStage4Command;
import org.notmono.training.qa.DatasetRtsds;
import org.notmono.training.qa.Family;
import org.notmono.training.qa.Phrasings;
import org.notmono.training.qa.QaCorpus;
import org.notmono.training.qa.QaGenerator;
import org.notmono.training.qa.QaItem;
import org.notmono.training.qa.QaJson;
import org.notmono.training.qa.QaKind;
import org.notmono.training.qa.QaVocabulary;
import org.notmono.training.sapo.SapoConfig;
import picocli.CommandLine;

/**
 * Stages 0, 2, 3 and 4 and the curriculum on six rendered 1-s scenes with a small decoder: losses
 * fall, each stage changes only what it trains, resume continues the steps, Stage 4 runs SAPO from
 * Stage 3 on the cached encoder outputs, the curriculum skips finished stages, and bad inputs are refused before anything is written.
 */
class CurriculumTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static Path data;
    static Path encoder;
    static Path runs;
    static CurriculumConfig config;

    @BeforeAll
    static void trainTheCurriculum() throws IOException {
        data = TinyCurriculum.dataset(dir.resolve("data"));
        encoder = TinyCurriculum.encoder(dir.resolve("encoder"));
        config = TinyCurriculum.config();
        runs = dir.resolve("runs");
        Curriculum.Outcome o = Curriculum.run(config, data, encoder, runs, Device.cpu(), () -> false, line -> { });
        assertNull(o.stoppedIn());
        assertEquals(lastStage4(), o.lastCheckpoint());
        for (String stage : List.of("stage0", "stage2", "stage3", "stage4")) {
            assertEquals("cpu()", JSON.readTree(Curriculum.newestRun(runs, stage).orElseThrow().resolve("config.json").toFile())
                    .path("device").asText(), stage + " records its device");
        }
    }

    @Test
    void stageFourRunsSapoFromStageThreeOnGeneratedMultipleChoiceItems() throws IOException {
        Path run = Curriculum.newestRun(runs, "stage4").orElseThrow();
        List<JsonNode> records = metrics(run);
        assertEquals(2, records.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(i + 1, records.get(i).path("globalStep").asLong());
            assertTrue(records.get(i).path("metrics").has("reward/total"), records.get(i).toString());
            assertTrue(records.get(i).path("metrics").has("kl/value"), records.get(i).toString());
        }
        assertEquals("finished", JSON.readTree(run.resolve("status.json").toFile()).path("state").asText());
        assertEquals("stage4", StageCheckpoints.stageOf(lastStage4()));
        JsonNode inputs = JSON.readTree(run.resolve("config.json").toFile()).path("inputs");
        assertEquals(last("stage3").toAbsolutePath().toString(), inputs.path("init").asText());
        assertTrue(inputs.path("qa").asText().startsWith("generated: kind mcq, training phrasings"), inputs.toString());
        // one logged prompt per step, a generated multiple-choice item, with its G = 2 answers
        List<String> rollouts = Files.readAllLines(run.resolve("rollouts.jsonl")).stream().filter(l -> !l.isBlank()).toList();
        assertEquals(2, rollouts.size());
        for (String line : rollouts) {
            JsonNode r = JSON.readTree(line);
            assertTrue(r.path("promptId").asText().endsWith("/mcq"), line);
            assertEquals(2, r.path("answers").size(), line);
        }
    }

    @Test
    void theStageFourCommandComputesOnTheDeviceGivenAndRecordsIt() throws IOException {
        QaCorpus corpus = new QaCorpus(new QaGenerator(QaVocabulary.fromAssets(), Phrasings.standard(), Phrasings.Set.TRAIN));
        List<QaItem> items = corpus.make(DatasetRtsds.read(data), List.of(Family.values()), QaKind.MCQ, 4);
        Path qa = Files.write(dir.resolve("qa-mcq.jsonl"), items.stream().map(QaJson::line).toList());
        Path sapo = Files.writeString(dir.resolve("sapo.json"), config.stage4().toJson().toString());
        Path cliRuns = dir.resolve("stage4-cli");
        int code = new CommandLine(new TrainStage4Command()).execute("--init", last("stage3").toString(), "--qa", qa.toString(),
                "--data", data.toString(), "--config", sapo.toString(), "--steps", "1", "--device", "cpu", "-o", cliRuns.toString());
        assertEquals(0, code);
        Path run = Curriculum.newestRun(cliRuns, "stage4").orElseThrow();
        assertEquals("cpu()", JSON.readTree(run.resolve("config.json").toFile()).path("device").asText());
        assertTrue(Files.readString(run.resolve("log.txt")).contains("stage4 computes on cpu()"));
        assertEquals(1, metrics(run).size());
    }

    @Test
    void theStageFourBlockLaysFieldsOverAPreset() {
        JsonNode json = config.toJson().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).set("stage4", JSON.createObjectNode().put("preset", "paper").put("steps", 3));
        SapoConfig read = CurriculumConfig.fromJson(json, "cfg.json").stage4();
        assertEquals(3, read.steps());
        assertEquals(SapoConfig.paper().promptsPerStep(), read.promptsPerStep());
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).set("stage4", JSON.createObjectNode().put("preset", "huge"));
        InputException bad = assertThrows(InputException.class, () -> CurriculumConfig.fromJson(json, "cfg.json"));
        assertTrue(bad.getMessage().startsWith("cfg.json \"stage4\": preset 'huge'"), bad.getMessage());
    }

    @Test
    void everyStageLowersItsLossAndLogsEveryStepOnce() throws IOException {
        for (String stage : SupervisedStage.STAGES) {
            Path run = Curriculum.newestRun(runs, stage).orElseThrow();
            List<JsonNode> records = metrics(run);
            int steps = config.settings(stage).steps();
            assertEquals(steps, records.size(), stage);
            for (int i = 0; i < steps; i++) {
                assertEquals(stage, records.get(i).path("stage").asText());
                assertEquals(i + 1, records.get(i).path("globalStep").asLong());
                assertTrue(records.get(i).path("metrics").path("train/tokens_per_second").asDouble() > 0);
            }
            if (stage.equals("stage0")) { // from scratch: the loss falls even over changing batches
                double first = meanLoss(records.subList(0, 5));
                double last = meanLoss(records.subList(steps - 5, steps));
                assertTrue(last < 0.9 * first, stage + ": loss " + first + " -> " + last);
            }
            JsonNode status = JSON.readTree(run.resolve("status.json").toFile());
            assertEquals("finished", status.path("state").asText());
            assertEquals(steps, status.path("totalSteps").asInt());
            assertEquals(stage, StageCheckpoints.stageOf(run.resolve("checkpoints").resolve("step-" + steps)));
        }
    }

    @Test
    void stagesTwoAndThreeLowerTheLossOnTheSameBatch() throws IOException {
        for (String stage : List.of("stage2", "stage3")) {
            try (NDManager manager = NDManager.newBaseManager();
                 LalmModel model = LalmCheckpoint.load(last(StageCheckpoints.previous(stage)))) {
                List<DatasetRtsds.Scene> scenes = DatasetRtsds.read(data);
                SupervisedCorpus corpus = new SupervisedCorpus(QaVocabulary.fromAssets());
                List<Sample> samples = (stage.equals("stage2") ? corpus.stage2(data, scenes, 2) : corpus.stage3(data, scenes, 3)).subList(0, 4);
                Map<String, NDArray> trained = new java.util.LinkedHashMap<>(model.projectorParameters());
                if (stage.equals("stage3")) {
                    trained.putAll(model.addLora(config.lora(), 3).parameters());
                }
                FeatureCache cache = new FeatureCache(model, data);
                List<NDList> encoded = new ArrayList<>();
                for (Sample s : samples) {
                    encoded.add(cache.outputs(data.resolve(s.clip()), manager));
                }
                StageModel stageModel = new AudioQaStage(model, Tokenized.of(samples, model.tokenizer(), 500).examples(), encoded,
                        trained, 1.0);
                float rate = stage.equals("stage2") ? 1e-2f : 1e-3f; // LoRA's alpha / r = 4 scales its steps
                float first = stageModel.step(new int[] {0, 1, 2, 3}, rate).loss();
                float last = first;
                for (int i = 0; i < 6; i++) {
                    last = stageModel.step(new int[] {0, 1, 2, 3}, rate).loss();
                }
                // small: the projector speaks to a decoder that has had a few steps of Stage 0, but it must move the right way
                assertTrue(last < first, stage + ": loss on one batch " + first + " -> " + last);
            }
        }
    }

    @Test
    void stageTwoChangesOnlyTheProjector() throws IOException {
        Path stage0 = last("stage0");
        Path stage2 = last("stage2");
        assertSame(stage0, stage2, "lm.safetensors");
        assertSame(stage0, stage2, "encoder/encoder-0000.params");
        assertFalse(sameBytes(stage0, stage2, "projector.params"));
        assertFalse(Files.exists(stage2.resolve("lora.safetensors")));
    }

    @Test
    void stageThreeChangesOnlyTheProjectorAndLora() throws IOException {
        Path stage2 = last("stage2");
        Path stage3 = last("stage3");
        assertSame(stage2, stage3, "lm.safetensors"); // the base weights; the adapters are stored apart
        assertSame(stage2, stage3, "encoder/encoder-0000.params");
        assertFalse(sameBytes(stage2, stage3, "projector.params"));
        JsonNode lora = JSON.readTree(stage3.resolve("model.json").toFile()).path("lora");
        assertEquals(8, lora.path("r").asInt());
        assertEquals(32, lora.path("lora_alpha").asDouble());
        assertTrue(Files.size(stage3.resolve("lora.safetensors")) > 0);
    }

    @Test
    void theEncoderRunsOncePerClip() throws IOException {
        Path cache;
        try (Stream<Path> s = Files.list(data.resolve("features"))) {
            cache = s.findFirst().orElseThrow();
        }
        try (Stream<Path> s = Files.list(cache)) {
            assertEquals(3, s.filter(p -> p.toString().endsWith(".ndlist")).count());
        }
        assertTrue(Files.readString(Curriculum.newestRun(runs, "stage2").orElseThrow().resolve("log.txt"))
                .contains("3 clips, 3 computed"));
        assertTrue(Files.readString(Curriculum.newestRun(runs, "stage3").orElseThrow().resolve("log.txt"))
                .contains("3 clips, 0 computed"));
        assertTrue(Files.readString(Curriculum.newestRun(runs, "stage4").orElseThrow().resolve("log.txt"))
                .contains("encoder outputs: 0 computed"));
    }

    @Test
    void theCurriculumSkipsFinishedStages() throws IOException {
        List<String> again = new ArrayList<>();
        long before = count(runs);
        Curriculum.Outcome o = Curriculum.run(config, data, encoder, runs, Device.cpu(), () -> false, again::add);
        assertEquals(lastStage4(), o.lastCheckpoint());
        assertEquals(4, again.stream().filter(l -> l.endsWith("skipped")).count(), again.toString());
        assertEquals(before, count(runs));
    }

    @Test
    void aResumedRunContinuesTheStepsWithNoLineTwice() throws IOException {
        Path other = dir.resolve("resume-runs");
        CurriculumConfig short2 = config.with("stage2", new StageSettings(8, 2, 1e-2, 1, 100, 1.0, 2));
        int[] polls = {0};
        SupervisedStage.Result stopped = SupervisedStage.run(
                new SupervisedStage.Request("stage2", short2, data, last("stage0"), null, null, other, Device.cpu()), () -> ++polls[0] >= 3);
        assertTrue(stopped.outcome().stopped());
        assertEquals(3, stopped.outcome().lastStep());
        Path run = stopped.run();
        assertEquals("stopped", JSON.readTree(run.resolve("status.json").toFile()).path("state").asText());
        assertTrue(Files.isDirectory(run.resolve("checkpoints/step-3")));
        // a kill after step 4's metrics line, before its checkpoint, and a line torn mid-write: neither survives the resume
        Files.writeString(run.resolve("metrics.jsonl"), metricsLine(4) + "\n{\"stage\": \"stage2\", \"globalSt",
                java.nio.file.StandardOpenOption.APPEND);
        SupervisedStage.Result resumed = SupervisedStage.run(
                new SupervisedStage.Request("stage2", config, null, null, null, run, other, Device.cpu()), () -> false);
        assertFalse(resumed.outcome().stopped());
        assertEquals(8, resumed.outcome().lastStep()); // the run's own config (8 steps), not the one passed
        List<JsonNode> records = metrics(run);
        assertEquals(8, records.size());
        for (int i = 0; i < 8; i++) {
            assertEquals(i + 1, records.get(i).path("globalStep").asLong());
            assertTrue(records.get(i).path("metrics").has("train/tokens"), "step " + (i + 1) + " is the trainer's record");
        }
    }

    @Test
    void badInputIsRefusedAndLeavesTheLastCheckpointAlone() throws IOException {
        Path stage2Run = Curriculum.newestRun(runs, "stage2").orElseThrow();
        Map<String, String> before = digests(stage2Run.resolve("checkpoints"));
        Path bad = dir.resolve("bad-runs");
        // a checkpoint of the wrong stage
        InputException wrongStage = assertThrows(InputException.class, () -> SupervisedStage.run(
                new SupervisedStage.Request("stage3", config, data, last("stage3"), null, null, bad, Device.cpu()), () -> false));
        assertTrue(wrongStage.getMessage().contains("is a stage3 checkpoint; this stage starts from a stage2 checkpoint"),
                wrongStage.getMessage());
        // a checkpoint of another architecture
        CurriculumConfig wider = new CurriculumConfig("wider", new Qwen2Config(420, 96, 128, 2, 4, 2, 512, 10000, 1e-6, true), 32, 64,
                config.lora(), 2, config.stage0(), config.stage2(), config.stage3(), config.stage4());
        InputException shape = assertThrows(InputException.class, () -> SupervisedStage.run(
                new SupervisedStage.Request("stage3", wider, data, last("stage2"), null, null, bad, Device.cpu()), () -> false));
        assertTrue(shape.getMessage().contains("hidden_size is 64 but the config (wider) wants 96"), shape.getMessage());
        // another stage's run to resume
        InputException otherRun = assertThrows(InputException.class, () -> SupervisedStage.run(
                new SupervisedStage.Request("stage3", config, null, null, null, stage2Run, bad, Device.cpu()), () -> false));
        assertTrue(otherRun.getMessage().contains("is a stage2 run"), otherRun.getMessage());
        // held-out data
        Path heldOut = Files.createDirectories(dir.resolve("held-out"));
        Files.writeString(heldOut.resolve("manifest.json"), "{\"seed\": 100000}");
        InputException seed = assertThrows(InputException.class, () -> SupervisedStage.run(
                new SupervisedStage.Request("stage0", config, heldOut, null, encoder, null, bad, Device.cpu()), () -> false));
        assertTrue(seed.getMessage().contains("held out"), seed.getMessage());
        // a corpus without the fields a stage needs
        Path bare = Files.createDirectories(dir.resolve("bare/shard-00000"));
        Files.writeString(bare.resolve("rtsd.jsonl"), "{\"format\": \"notmono.rtsd/1\", \"id\": \"s1-000000\", \"index\": 0}\n");
        InputException fields = assertThrows(InputException.class, () -> SupervisedStage.run(
                new SupervisedStage.Request("stage0", config, bare.getParent(), null, encoder, null, bad, Device.cpu()), () -> false));
        assertTrue(fields.getMessage().contains("has no \"room\""), fields.getMessage());
        // a training seed in the held-out range
        JsonNode json = config.toJson().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("stage2")).put("seed", 100_000);
        InputException configSeed = assertThrows(InputException.class, () -> CurriculumConfig.fromJson(json, "cfg.json"));
        assertTrue(configSeed.getMessage().startsWith("cfg.json \"stage2\": seed 100000 is not a training seed"), configSeed.getMessage());
        assertFalse(Files.exists(bad), "nothing is written for refused input");
        assertEquals(before, digests(stage2Run.resolve("checkpoints")));
    }

    @Test
    void theTinyConfigReadsAndRoundTrips() throws IOException {
        CurriculumConfig tiny = CurriculumConfig.resolve("tiny");
        assertEquals(Qwen2Config.tiny(2048), tiny.lm());
        assertEquals(8, tiny.lora().rank());
        assertEquals(32, tiny.lora().alpha());
        assertEquals(150, tiny.stage4().steps()); // the block's override ...
        assertEquals(SapoConfig.tiny().group(), tiny.stage4().group()); // ... over the tiny preset
        assertEquals(tiny, CurriculumConfig.fromJson(tiny.toJson(), "round trip"));
    }

    private static String metricsLine(long step) {
        return "{\"stage\": \"stage2\", \"globalStep\": " + step + ", \"epoch\": 0, \"wallTime\": 0, \"metrics\": {\"train/loss\": 1}}";
    }

    private static Path last(String stage) throws IOException {
        Path run = Curriculum.newestRun(runs, stage).orElseThrow();
        return run.resolve("checkpoints").resolve("step-" + config.settings(stage).steps());
    }

    private static Path lastStage4() throws IOException {
        return Curriculum.newestRun(runs, "stage4").orElseThrow().resolve("checkpoints").resolve("step-" + config.stage4().steps());
    }

    private static List<JsonNode> metrics(Path run) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    private static double meanLoss(List<JsonNode> records) {
        return records.stream().mapToDouble(r -> r.path("metrics").path("train/loss").asDouble()).average().orElseThrow();
    }

    private static void assertSame(Path a, Path b, String file) throws IOException {
        assertTrue(sameBytes(a, b, file), file + " differs between " + a + " and " + b);
    }

    private static boolean sameBytes(Path a, Path b, String file) throws IOException {
        return java.util.Arrays.equals(Files.readAllBytes(a.resolve(file)), Files.readAllBytes(b.resolve(file)));
    }

    private static long count(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.count();
        }
    }

    private static Map<String, String> digests(Path folder) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(folder.relativize(p).toString(), FeatureCache.sha256(p));
            }
        }
        return out;
    }
}
