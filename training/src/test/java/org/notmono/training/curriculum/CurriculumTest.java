package org.notmono.training.curriculum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.notmono.model.safetensors.SafeTensorsReader;
import org.notmono.model.tokenizer.SpecialTokens;
import org.notmono.training.cli.TrainStage4Command;
import org.notmono.training.monitor.RunLock;
import org.notmono.training.qa.DatasetRtsds;
import org.notmono.training.qa.Family;
import org.notmono.training.qa.Phrasings;
import org.notmono.training.qa.QaCorpus;
import org.notmono.training.qa.QaGenerator;
import org.notmono.training.qa.QaItem;
import org.notmono.training.qa.QaJson;
import org.notmono.training.qa.QaKind;
import org.notmono.training.qa.QaVocabulary;
import org.notmono.training.qa.WorldKnowledge;
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
        Path sapo = Files.writeString(dir.resolve("sapo.json"), config.stage4().toJson().toString());
        Path cliRuns = dir.resolve("stage4-cli");
        assertEquals(0, trainStageFourFromTheCommandLine(data, sapo, cliRuns));
        Path run = Curriculum.newestRun(cliRuns, "stage4").orElseThrow();
        assertEquals("cpu()", JSON.readTree(run.resolve("config.json").toFile()).path("device").asText());
        assertTrue(Files.readString(run.resolve("log.txt")).contains("stage4 computes on cpu()"));
        assertEquals(1, metrics(run).size());
    }

    /**
     * The command hears its clips through the encoder-output cache beside them, as the curriculum
     * does: on a copy of the dataset without the cache it writes the very outputs the curriculum
     * cached, and a second run encodes nothing.
     */
    @Test
    void theStageFourCommandCachesTheEncoderOutputsBesideTheClips() throws IOException {
        Path copy = dir.resolve("data-without-cache");
        try (Stream<Path> s = Files.walk(data)) {
            for (Path p : s.filter(p -> !data.relativize(p).startsWith("features")).toList()) {
                Files.copy(p, copy.resolve(data.relativize(p).toString()));
            }
        }
        Path sapo = Files.writeString(dir.resolve("sapo-cache.json"), config.stage4().toJson().toString());
        Path cliRuns = dir.resolve("stage4-cli-cache");
        assertEquals(0, trainStageFourFromTheCommandLine(copy, sapo, cliRuns));
        Map<String, String> written = digests(copy.resolve("features"));
        assertFalse(written.isEmpty(), "the first run cached the clips it heard");
        Map<String, String> curriculum = digests(data.resolve("features"));
        written.forEach((file, digest) -> assertEquals(curriculum.get(file), digest, file + " holds what the curriculum cached"));
        assertTrue(Files.readString(Curriculum.newestRun(cliRuns, "stage4").orElseThrow().resolve("log.txt"))
                .contains("encoder outputs: " + written.size() + " computed"));

        assertEquals(0, trainStageFourFromTheCommandLine(copy, sapo, cliRuns.resolveSibling("stage4-cli-cache-again")));
        assertTrue(Files.readString(Curriculum.newestRun(cliRuns.resolveSibling("stage4-cli-cache-again"), "stage4").orElseThrow()
                .resolve("log.txt")).contains("encoder outputs: 0 computed"));
        assertEquals(written, digests(copy.resolve("features")));
    }

    @Test
    void theStageFourCommandStartsFromStageThreeOrFromStageFourForAnotherLeg() throws Exception {
        Path sapo = Files.writeString(dir.resolve("sapo-init.json"), config.stage4().toJson().toString());
        Path out = dir.resolve("stage4-cli-init");
        for (String stage : List.of("stage0", "stage2")) {
            TrainStage4Command command = new TrainStage4Command();
            new CommandLine(command).parseArgs(stageFourArguments(last(stage), data, sapo, out));
            assertEquals("--init " + last(stage) + " is a " + stage + " checkpoint; Stage 4 starts from a stage3 checkpoint (or a stage4"
                    + " one, for another leg)", assertThrows(InputException.class, command::call).getMessage());
        }
        assertFalse(Files.exists(out), "a refused start writes no run");
        assertEquals(0, new CommandLine(new TrainStage4Command()).execute(stageFourArguments(lastStage4(), data, sapo, out)));
        Path run = Curriculum.newestRun(out, "stage4").orElseThrow();
        assertEquals(lastStage4().toAbsolutePath().toString(), JSON.readTree(run.resolve("config.json").toFile()).path("inputs")
                .path("init").asText());
        assertEquals(1, metrics(run).size());
    }

    @Test
    void theStageFourCommandRefusesItemsWhoseClipsAreNotUnderData() throws IOException {
        Path sapo = Files.writeString(dir.resolve("sapo-no-clips.json"), config.stage4().toJson().toString());
        Path out = dir.resolve("stage4-cli-no-clips");
        List<String> args = new ArrayList<>(List.of(stageFourArguments(last("stage3"), data, sapo, out)));
        int at = args.indexOf("--data");
        args.subList(at, at + 2).clear(); // the clips are then looked for beside the QA file, where they are not
        TrainStage4Command command = new TrainStage4Command();
        new CommandLine(command).parseArgs(args.toArray(String[]::new));
        org.notmono.cli.InputException refused = assertThrows(org.notmono.cli.InputException.class, command::call);
        assertTrue(refused.getMessage().contains("is not in ") && refused.getMessage().endsWith("(the QA file's folder); pass the dataset"
                + " the items were made from as --data"), refused.getMessage());
        assertFalse(Files.exists(out), "refused before any run folder is made");
    }

    /** {@code train stage4} for one step from the last Stage 3 checkpoint, on the dataset's items written to a QA file. */
    private static int trainStageFourFromTheCommandLine(Path clips, Path sapo, Path out) throws IOException {
        return new CommandLine(new TrainStage4Command()).execute(stageFourArguments(last("stage3"), clips, sapo, out));
    }

    /** The arguments of a one-step {@code train stage4} from {@code init} on the items of {@code clips}, written to a QA file. */
    private static String[] stageFourArguments(Path init, Path clips, Path sapo, Path out) throws IOException {
        QaCorpus corpus = new QaCorpus(new QaGenerator(QaVocabulary.fromAssets(), Phrasings.standard(), Phrasings.Set.TRAIN));
        List<QaItem> items = corpus.make(DatasetRtsds.read(clips), List.of(Family.values()), QaKind.MCQ, 4);
        Path qa = Files.write(Files.createTempFile(dir, "qa-mcq", ".jsonl"), items.stream().map(QaJson::line).toList());
        return new String[] {"--init", init.toString(), "--qa", qa.toString(), "--data", clips.toString(), "--config", sapo.toString(),
            "--steps", "1", "--device", "cpu", "-o", out.toString()};
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
    void stageThreeReasonsTowardsTheRightOptionOnMultipleChoiceQuestions() throws IOException {
        List<DatasetRtsds.Scene> scenes = DatasetRtsds.read(data);
        List<Sample> samples = new SupervisedCorpus(QaVocabulary.fromAssets()).stage3(data, scenes, 3, true);
        List<Sample> choices = samples.stream().filter(s -> s.prompt().contains("\nA. ")).toList();
        assertTrue(choices.size() >= scenes.size(), choices.size() + " multiple-choice samples for " + scenes.size() + " scenes");
        java.util.regex.Pattern answer = java.util.regex.Pattern.compile("</think><answer>([A-D])\\. (.+)</answer><\\|im_end\\|>$");
        for (Sample s : choices) {
            assertTrue(s.prompt().endsWith("<|im_start|>assistant\n"), "the reasoning section is left open: " + s.prompt());
            assertTrue(s.completion().startsWith("<think>") && !s.completion().startsWith("<think></think>"), s.completion());
            java.util.regex.Matcher m = answer.matcher(s.completion());
            assertTrue(m.find(), s.completion());
            // the letter names, in the prompt's own option list, the text the answer states
            assertTrue(s.prompt().contains("\n" + m.group(1) + ". " + m.group(2) + "\n")
                    || s.prompt().contains("\n" + m.group(1) + ". " + m.group(2) + "<|im_end|>"), s.prompt() + "\n" + s.completion());
            // and the reasoning's walk over the options ends on that option, judged right
            assertTrue(s.completion().contains("\n" + m.group(1) + ". " + m.group(2) + OptionWalk.YES + "</think>"), s.completion());
        }
    }

    @Test
    void stageZeroAddsTheWorldKnowledgeSentencesAsTextOfTheirOwn() throws IOException {
        List<DatasetRtsds.Scene> scenes = DatasetRtsds.read(data);
        QaVocabulary vocab = QaVocabulary.fromAssets();
        SupervisedCorpus corpus = new SupervisedCorpus(vocab);
        List<Sample> without = corpus.stage0(data, scenes, 1, false, 0);
        List<Sample> with = corpus.stage0(data, scenes, 1, false, 2);
        List<String> sentences = new WorldKnowledge(vocab).sentences(2);
        assertEquals(without.size() + sentences.size(), with.size());
        List<Sample> added = with.subList(0, sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            // no clip and no question: a sentence on its own, learned like a scene's paragraph
            assertNull(added.get(i).clip());
            assertEquals(SpecialTokens.END_OF_TEXT, added.get(i).prompt());
            assertEquals(sentences.get(i) + SpecialTokens.END_OF_TEXT, added.get(i).completion());
        }
        assertEquals(without, with.subList(sentences.size(), with.size()));
    }

    @Test
    void worldKnowledgeOutsideStageZeroIsRefused() {
        JsonNode json = config.toJson().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("stage3")).put("knowledge", 5);
        assertEquals("cfg.json \"stage3\": \"knowledge\" is a Stage 0 setting (text without audio); move it to \"stage0\"",
                assertThrows(InputException.class, () -> CurriculumConfig.fromJson(json, "cfg.json")).getMessage());
    }

    @Test
    void stageZeroGivesTheProjectorTheWordsEveryClassAndRoomIsNamedWith() throws IOException {
        JsonNode projector = new com.fasterxml.jackson.databind.ObjectMapper().readTree(last("stage0").resolve("model.json").toFile())
                .path("projector");
        List<String> words = new java.util.ArrayList<>();
        projector.path("classWords").forEach(w -> words.add(w.asText()));
        // the encoder's classes are the assets' in file order; the words are what sentences say after "the"
        List<String> ids = QaVocabulary.fromAssets().classIds();
        assertEquals(ids.size(), words.size());
        assertEquals("dog bark", words.get(ids.indexOf("dog_bark")));
        assertEquals("water tap running", words.get(ids.indexOf("water_tap")));
        assertEquals("woman speaking", words.get(ids.indexOf("female_speech")));
        // and the room's words, as its descriptions say them after "a" and after the size
        List<String> roomWords = new java.util.ArrayList<>();
        projector.path("roomWords").forEach(w -> roomWords.add(w.asText()));
        assertEquals(List.of("small", "medium-sized", "large", "highly reverberant", "moderately reverberant", "dry, absorptive"),
                roomWords);
        assertTrue(projector.path("slotsAtWordScale").asBoolean(), "the slot tokens at their words' scale (decision 0019)");
    }

    @Test
    void theProjectorsWordSwitchesAreTrueOrFalseAndOffWhenAbsent() {
        assertTrue(CurriculumConfig.fromJson(config.toJson(), "cfg.json").projectorClassWords());
        assertTrue(CurriculumConfig.fromJson(config.toJson(), "cfg.json").projectorSlotsAtWordScale());
        assertTrue(CurriculumConfig.fromJson(config.toJson(), "cfg.json").projectorRoomWords());
        JsonNode absent = config.toJson().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) absent.get("projector")).remove(List.of("classWords", "slotsAtWordScale", "roomWords"));
        assertFalse(CurriculumConfig.fromJson(absent, "cfg.json").projectorClassWords());
        assertFalse(CurriculumConfig.fromJson(absent, "cfg.json").projectorSlotsAtWordScale());
        assertFalse(CurriculumConfig.fromJson(absent, "cfg.json").projectorRoomWords());
        JsonNode scaleWithoutRooms = config.toJson().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) scaleWithoutRooms.get("projector")).put("roomWords", false);
        CurriculumConfig mixed = CurriculumConfig.fromJson(scaleWithoutRooms, "cfg.json");
        assertTrue(mixed.projectorSlotsAtWordScale() && !mixed.projectorRoomWords(), "each switch read from its own key");
        JsonNode scaleAlone = config.toJson().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) scaleAlone.get("projector")).put("classWords", false);
        assertEquals("cfg.json \"projector\": \"slotsAtWordScale\" scales each slot token to its class words; set \"classWords\": true"
                + " as well", assertThrows(InputException.class, () -> CurriculumConfig.fromJson(scaleAlone, "cfg.json")).getMessage());
        for (String flag : List.of("classWords", "slotsAtWordScale", "roomWords")) {
            JsonNode text = config.toJson().deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) text.get("projector")).put(flag, "yes");
            assertEquals("cfg.json \"projector\": \"" + flag + "\" must be true or false, got \"yes\"",
                    assertThrows(InputException.class, () -> CurriculumConfig.fromJson(text, "cfg.json")).getMessage());
        }
    }

    @Test
    void withoutTheOptionWalkStageThreeAnswersRightAfterTheReasoning() throws IOException {
        List<DatasetRtsds.Scene> scenes = DatasetRtsds.read(data);
        SupervisedCorpus corpus = new SupervisedCorpus(QaVocabulary.fromAssets());
        List<Sample> walked = corpus.stage3(data, scenes, 3, true);
        List<Sample> direct = corpus.stage3(data, scenes, 3, false);
        assertEquals(walked.size(), direct.size());
        int choices = 0;
        for (int i = 0; i < walked.size(); i++) {
            Sample w = walked.get(i);
            Sample d = direct.get(i);
            assertEquals(w.prompt(), d.prompt());
            if (!w.prompt().contains("\nA. ")) {
                assertEquals(w.completion(), d.completion(), "open chain-of-thought answers have no walk to leave out");
                continue;
            }
            choices++;
            // the same text with the walk's lines cut out: reasoning, then at once the answer the walk ended on
            int walkStart = w.completion().indexOf("\nA. ");
            int walkEnd = w.completion().indexOf("</think>");
            assertTrue(walkStart > 0 && walkEnd > walkStart, w.completion());
            assertEquals(w.completion().substring(0, walkStart) + w.completion().substring(walkEnd), d.completion());
            assertFalse(d.completion().contains(OptionWalk.YES) || d.completion().contains(OptionWalk.NO), d.completion());
        }
        assertTrue(choices >= scenes.size(), choices + " multiple-choice samples for " + scenes.size() + " scenes");
    }

    @Test
    void stagesTwoAndThreeLowerTheLossOnTheSameBatch() throws IOException {
        for (String stage : List.of("stage2", "stage3")) {
            try (NDManager manager = NDManager.newBaseManager();
                 LalmModel model = LalmCheckpoint.load(last(StageCheckpoints.previous(stage)))) {
                List<DatasetRtsds.Scene> scenes = DatasetRtsds.read(data);
                SupervisedCorpus corpus = new SupervisedCorpus(QaVocabulary.fromAssets());
                List<Sample> samples = (stage.equals("stage2") ? corpus.stage2(data, scenes, 2) : corpus.stage3(data, scenes, 3, false)).subList(0, 4);
                Map<String, NDArray> trained = new java.util.LinkedHashMap<>(model.projectorParameters());
                if (stage.equals("stage3")) {
                    trained.putAll(model.addLora(config.lora(), 3).parameters());
                }
                FeatureCache cache = new FeatureCache(model, data);
                List<NDList> encoded = new ArrayList<>();
                for (Sample s : samples) {
                    encoded.add(cache.outputs(data.resolve(s.clip()), manager));
                }
                StageModel stageModel = new AudioQaStage(model, Tokenized.of(samples, model.tokenizer(), 500, () -> false).examples(), encoded,
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
        // each B starts at zero and each A at random values: a B with values other than zero was trained by Stage 3
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> adapters = SafeTensorsReader.read(stage3.resolve("lora.safetensors"), m);
            assertFalse(adapters.isEmpty());
            adapters.forEach((name, w) -> assertTrue(w.abs().max().getFloat() > 0, name + " is all zeros: Stage 3 did not train it"));
        }
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
        assertTrue(Files.readString(Curriculum.newestRun(runs, "stage0").orElseThrow().resolve("log.txt"))
                .contains("3 clips, 3 computed"));
        assertTrue(Files.readString(Curriculum.newestRun(runs, "stage2").orElseThrow().resolve("log.txt"))
                .contains("3 clips, 0 computed"));
        assertTrue(Files.readString(Curriculum.newestRun(runs, "stage3").orElseThrow().resolve("log.txt"))
                .contains("3 clips, 0 computed"));
        assertTrue(Files.readString(Curriculum.newestRun(runs, "stage4").orElseThrow().resolve("log.txt"))
                .contains("encoder outputs: 0 computed"));
    }

    @Test
    void theLogSaysHowMuchOfTheBatchesIsPadding() throws IOException {
        // Stage 0 in buckets of two batches: sorted within each bucket, its batches never pad more than the shuffle's
        Matcher bucketed = Pattern.compile("batches bucketed by length \\(2 batches a bucket\\): ([0-9.]+)% of their positions are"
                + " padding \\(([0-9.]+)% in shuffled order\\)").matcher(
                Files.readString(Curriculum.newestRun(runs, "stage0").orElseThrow().resolve("log.txt")));
        assertTrue(bucketed.find());
        assertTrue(Double.parseDouble(bucketed.group(1)) <= Double.parseDouble(bucketed.group(2)), bucketed.group());
        assertTrue(Pattern.compile("batches in shuffled order: [0-9.]+% of their positions are padding")
                .matcher(Files.readString(Curriculum.newestRun(runs, "stage2").orElseThrow().resolve("log.txt"))).find());
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
        CurriculumConfig short2 = config.with("stage2", new StageSettings(8, 2, 1e-2, 1, 100, 1.0, 2, 0, true, 0));
        SupervisedStage.Result stopped = SupervisedStage.run(
                new SupervisedStage.Request("stage2", short2, data, last("stage0"), null, null, other, Device.cpu()), stopAfterSteps(other, 3));
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
    void aStopWhileSettingUpEndsTheRunBeforeItsFirstStepAndItResumes() throws IOException {
        Path other = dir.resolve("setup-stop-runs");
        CurriculumConfig two = config.with("stage2", new StageSettings(2, 2, 1e-2, 1, 100, 1.0, 2, 0, true, 0));
        int[] polls = {0};
        JsonNode[] settingUp = {null};
        SupervisedStage.Result stopped = SupervisedStage.run(
                new SupervisedStage.Request("stage2", two, data, last("stage0"), null, null, other, Device.cpu()), () -> {
                    if (polls[0] == 0) { // what the app reads while the run sets up
                        try (var runs = Files.list(other)) {
                            settingUp[0] = JSON.readTree(runs.findFirst().orElseThrow().resolve("status.json").toFile());
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                    return ++polls[0] >= 2;
                });
        assertEquals("running", settingUp[0].path("state").asText(), "the app can stop a run that sets up, and sees it stale if killed");
        assertEquals("setting up", settingUp[0].path("message").asText());
        assertEquals(ProcessHandle.current().pid(), settingUp[0].path("pid").asLong());
        assertTrue(stopped.outcome().stopped());
        assertEquals(0, stopped.outcome().lastStep());
        assertEquals(2, polls[0], "the stop is seen at the set-up's second poll, not after a step");
        JsonNode status = JSON.readTree(stopped.run().resolve("status.json").toFile());
        assertEquals("stopped", status.path("state").asText());
        assertEquals(0, status.path("globalStep").asLong());
        assertEquals(2, status.path("totalSteps").asLong(), "the monitor still shows step 0 of 2");
        assertEquals("stopped while setting up, before step 1; resume with --resume", status.path("message").asText());
        assertFalse(Files.exists(stopped.run().resolve("metrics.jsonl")) && !metrics(stopped.run()).isEmpty(), "no step was taken");
        SupervisedStage.Result resumed = SupervisedStage.run(
                new SupervisedStage.Request("stage2", two, null, null, null, stopped.run(), other, Device.cpu()), () -> false);
        assertFalse(resumed.outcome().stopped());
        assertEquals(2, resumed.outcome().lastStep());
        assertEquals(2, metrics(stopped.run()).size());
    }

    @Test
    void aFailureWhileSettingUpMarksTheRunFailedWithItsReason() throws IOException {
        Path other = dir.resolve("setup-failure-runs");
        CurriculumConfig two = config.with("stage2", new StageSettings(2, 2, 1e-2, 1, 100, 1.0, 2, 0, true, 0));
        // the set-up polls for a stop: a poll that throws stands for anything that fails there (a clip that cannot be read)
        assertThrows(IllegalStateException.class, () -> SupervisedStage.run(
                new SupervisedStage.Request("stage2", two, data, last("stage0"), null, null, other, Device.cpu()), () -> {
                    throw new IllegalStateException("a clip could not be read");
                }));
        Path run = Curriculum.newestRun(other, "stage2").orElseThrow();
        JsonNode status = JSON.readTree(run.resolve("status.json").toFile());
        assertEquals("failed", status.path("state").asText(), "not left running, which the app would show as stale");
        assertEquals("a clip could not be read", status.path("message").asText());
    }

    @Test
    void aResumedStageEndsWhereAnUnbrokenRunEnds() throws IOException {
        Path other = dir.resolve("adam-runs");
        CurriculumConfig six = config.with("stage3", new StageSettings(6, 4, 1e-2, 1, 100, 1.0, 3, 2, true, 0));
        Path unbroken = SupervisedStage.run(new SupervisedStage.Request("stage3", six, data, last("stage2"), null, null, other, Device.cpu()),
                () -> false).run();
        Path resumed = stoppedAtThree(six, other);
        assertTrue(Files.isRegularFile(resumed.resolve("checkpoints/step-3/" + org.notmono.model.train.NamedAdam.FILE)));
        SupervisedStage.run(new SupervisedStage.Request("stage3", six, null, null, null, resumed, other, Device.cpu()), () -> false);
        assertTrue(Files.readString(resumed.resolve("log.txt")).contains("resumes at step 3 (Adam's moments and step count 3 restored)"));
        // the optimizer state stays in the newest checkpoint only
        assertFalse(Files.exists(resumed.resolve("checkpoints/step-3/" + org.notmono.model.train.NamedAdam.FILE)));
        assertTrue(Files.isRegularFile(resumed.resolve("checkpoints/step-6/" + org.notmono.model.train.NamedAdam.FILE)));
        double drift = maxDifference(unbroken.resolve("checkpoints/step-6"), resumed.resolve("checkpoints/step-6"));
        assertTrue(drift <= 1e-5, "resumed run drifts from the unbroken one by " + drift);
        List<JsonNode> a = metrics(unbroken);
        List<JsonNode> b = metrics(resumed);
        for (int i = 3; i < 6; i++) {
            assertEquals(a.get(i).path("metrics").path("train/loss").asDouble(), b.get(i).path("metrics").path("train/loss").asDouble(), 1e-5,
                    "loss of step " + (i + 1));
        }
        // a checkpoint written before the moments were saved (today's runs) still resumes, with the moments at zero; and that
        // run ends elsewhere, so the comparison above would fail if resuming did not restore them
        Path old = stoppedAtThree(six, other);
        Files.delete(old.resolve("checkpoints/step-3/" + org.notmono.model.train.NamedAdam.FILE));
        SupervisedStage.run(new SupervisedStage.Request("stage3", six, null, null, null, old, other, Device.cpu()), () -> false);
        assertTrue(Files.readString(old.resolve("log.txt")).contains(
                "resumes at step 3 (no optimizer.ndlist in step-3: Adam's moments start from zero)"), Files.readString(old.resolve("log.txt")));
        double fromZero = maxDifference(unbroken.resolve("checkpoints/step-6"), old.resolve("checkpoints/step-6"));
        assertTrue(fromZero > 1e-3, "moments from zero should change the weights, but the difference is " + fromZero);
    }

    /**
     * A stop request that turns true once the run a stage is about to create in {@code runs} (the one folder not there now)
     * has logged {@code steps} steps; the polls of the stage's set-up come before any and do not count.
     */
    private static BooleanSupplier stopAfterSteps(Path runs, int steps) throws IOException {
        List<Path> before = runFolders(runs);
        return () -> {
            try {
                for (Path run : runFolders(runs)) {
                    if (!before.contains(run) && Files.isRegularFile(run.resolve("metrics.jsonl"))) {
                        return metrics(run).size() >= steps;
                    }
                }
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static List<Path> runFolders(Path runs) throws IOException {
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(runs)) {
            return s.toList();
        }
    }

    private static Path stoppedAtThree(CurriculumConfig c, Path runsDir) throws IOException {
        SupervisedStage.Result stopped = SupervisedStage.run(
                new SupervisedStage.Request("stage3", c, data, last("stage2"), null, null, runsDir, Device.cpu()), stopAfterSteps(runsDir, 3));
        assertEquals(3, stopped.outcome().lastStep());
        return stopped.run();
    }

    /** The largest difference between the trained arrays (projector, adapters) of two checkpoints of one stage. */
    private static double maxDifference(Path a, Path b) throws IOException {
        try (LalmModel x = LalmCheckpoint.load(a); LalmModel y = LalmCheckpoint.load(b)) {
            Map<String, NDArray> xs = new java.util.LinkedHashMap<>(x.projectorParameters());
            Map<String, NDArray> ys = new java.util.LinkedHashMap<>(y.projectorParameters());
            if (x.lora() != null) {
                xs.putAll(x.lora().parameters());
                ys.putAll(y.lora().parameters());
            }
            assertEquals(xs.keySet(), ys.keySet());
            double max = 0;
            for (String name : xs.keySet()) {
                float[] p = xs.get(name).toFloatArray();
                float[] q = ys.get(name).toFloatArray();
                for (int i = 0; i < p.length; i++) {
                    max = Math.max(max, Math.abs(p[i] - q[i]));
                }
            }
            return max;
        }
    }

    @Test
    void stageFourResumesWhereItStoppedAndTheCurriculumContinuesIt() throws IOException {
        CurriculumConfig four = new CurriculumConfig("test", config.lm(), 32, 64, true, true, true, config.lora(), 2, config.stage0(), config.stage2(),
                config.stage3(), TinyCurriculum.sapo(4));
        Path unbroken = dir.resolve("sapo-unbroken");
        SapoStage.run(four, data, last("stage3"), unbroken, Device.cpu(), () -> false, d -> { });
        Path unbrokenRun = Curriculum.newestRun(unbroken, "stage4").orElseThrow();
        // a curriculum folder whose Stages 0-3 are done and whose Stage 4 stopped after step 2
        Path again = dir.resolve("sapo-resume");
        for (String stage : SupervisedStage.STAGES) {
            Path run = Curriculum.newestRun(runs, stage).orElseThrow();
            copyTree(run, again.resolve(run.getFileName()));
        }
        int[] polls = {0};
        Path[] started = new Path[1];
        assertTrue(SapoStage.run(four, data, last("stage3"), again, Device.cpu(), () -> ++polls[0] >= 3, d -> started[0] = d).stopped());
        Path run = started[0];
        assertEquals(2, RunFolderSteps.latest(run));
        // a kill after step 3's lines, before its checkpoint: neither line survives the resume
        Files.writeString(run.resolve("metrics.jsonl"), metricsLine(3).replace("stage2", "stage4") + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        List<String> rollouts = Files.readAllLines(run.resolve("rollouts.jsonl"));
        Files.writeString(run.resolve("rollouts.jsonl"), rollouts.getLast().replace("\"step\":2", "\"step\":3") + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        // held by another process, the run is refused before anything is read: even an init that is gone is not reported
        String statusBefore = Files.readString(run.resolve("status.json"));
        String configBefore = Files.readString(run.resolve("config.json"));
        assertTrue(configBefore.contains(last("stage3").toString()), configBefore);
        Files.writeString(run.resolve("config.json"), configBefore.replace(last("stage3").toString(), dir.resolve("gone").toString()));
        try (RunLock other = RunLock.acquire(run)) {
            InputException busy = assertThrows(InputException.class, () -> SapoStage.resume(run, Device.cpu(), () -> false));
            assertTrue(busy.getMessage().contains("is in use by another training process"), busy.getMessage());
        }
        Files.writeString(run.resolve("config.json"), configBefore);
        assertEquals(statusBefore, Files.readString(run.resolve("status.json")), "a run another process trains is left alone");
        List<String> said = new ArrayList<>();
        Curriculum.Outcome o = Curriculum.run(four, data, encoder, again, Device.cpu(), () -> false, said::add);
        assertNull(o.stoppedIn());
        assertTrue(said.contains("stage4: resuming " + run), said.toString());
        assertEquals(run.resolve("checkpoints").resolve("step-4"), o.lastCheckpoint());
        assertTrue(Files.readString(run.resolve("log.txt")).contains("stage4 resumes at step 2"), Files.readString(run.resolve("log.txt")));
        List<JsonNode> records = metrics(run);
        List<JsonNode> reference = metrics(unbrokenRun);
        assertEquals(4, records.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(i + 1, records.get(i).path("globalStep").asLong());
            for (String key : List.of("reward/total", "kl/coef", "kl/value", "train/loss")) {
                assertEquals(reference.get(i).path("metrics").path(key).asDouble(), records.get(i).path("metrics").path(key).asDouble(),
                        1e-5, key + " of step " + (i + 1));
            }
        }
        List<Long> steps = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("rollouts.jsonl"))) {
            if (!line.isBlank()) {
                steps.add(JSON.readTree(line).path("step").asLong());
            }
        }
        assertEquals(List.of(1L, 2L, 3L, 4L), steps);
        assertEquals(Files.readAllLines(unbrokenRun.resolve("rollouts.jsonl")).stream().map(CurriculumTest::answers).toList(),
                Files.readAllLines(run.resolve("rollouts.jsonl")).stream().map(CurriculumTest::answers).toList(),
                "the same prompts and rollouts as the unbroken run");
        Path a = unbrokenRun.resolve("checkpoints/step-4");
        Path b = run.resolve("checkpoints/step-4");
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> x = org.notmono.model.safetensors.SafeTensorsReader.read(a.resolve("policy.safetensors"), m);
            Map<String, NDArray> y = org.notmono.model.safetensors.SafeTensorsReader.read(b.resolve("policy.safetensors"), m);
            assertEquals(x.keySet(), y.keySet());
            for (String name : x.keySet()) {
                float[] p = x.get(name).toFloatArray();
                float[] q = y.get(name).toFloatArray();
                for (int i = 0; i < p.length; i++) {
                    assertEquals(p[i], q[i], 1e-5, name + "[" + i + "]");
                }
            }
        }
    }

    @Test
    void trainStageFourResumeContinuesACurriculumsStageFourRunAsTheAppsResumeDoes() throws IOException {
        CurriculumConfig four = new CurriculumConfig("test", config.lm(), 32, 64, true, true, true, config.lora(), 2, config.stage0(), config.stage2(),
                config.stage3(), TinyCurriculum.sapo(4));
        int[] polls = {0};
        Path[] started = new Path[1];
        assertTrue(SapoStage.run(four, data, last("stage3"), dir.resolve("sapo-cli-resume"), Device.cpu(), () -> ++polls[0] >= 3,
                d -> started[0] = d).stopped());
        assertEquals(2, RunFolderSteps.latest(started[0]));
        // its prompts are generated from the training scenes, not read from a QA file, and still it resumes
        assertEquals(0, new picocli.CommandLine(new org.notmono.training.cli.TrainStage4Command()).execute("--resume", started[0].toString()));
        assertEquals(List.of(1L, 2L, 3L, 4L), metrics(started[0]).stream().map(r -> r.path("globalStep").asLong()).toList());
        assertEquals("finished", JSON.readTree(started[0].resolve("status.json").toFile()).path("state").asText());
    }

    @Test
    void trainStageFourResumeContinuesACommandLineRun() throws IOException {
        Path qa = dir.resolve("stage4-items.jsonl");
        QaCorpus corpus = new QaCorpus(new QaGenerator(QaVocabulary.fromAssets(), Phrasings.standard(), Phrasings.Set.TRAIN));
        List<QaItem> items = corpus.make(DatasetRtsds.read(data), List.of(Family.values()), QaKind.MCQ, 4);
        Files.write(qa, items.stream().map(QaJson::line).toList());
        Path sapoConfig = dir.resolve("sapo-every-step.json");
        Files.writeString(sapoConfig, TinyCurriculum.sapo(2).toJson().put("checkpointEvery", 1).toString());
        Path cliRuns = dir.resolve("cli-runs");
        assertEquals(0, new picocli.CommandLine(new org.notmono.training.cli.TrainStage4Command()).execute("--init", last("stage3").toString(),
                "--qa", qa.toString(), "--data", data.toString(), "--config", sapoConfig.toString(), "-o", cliRuns.toString()));
        Path run = Curriculum.newestRun(cliRuns, "stage4").orElseThrow();
        Path whole = dir.resolve("cli-step-2");
        copyTree(run.resolve("checkpoints/step-2"), whole);
        List<JsonNode> before = metrics(run);
        // a kill after step 2's lines, before its checkpoint
        deleteTree(run.resolve("checkpoints/step-2"));
        assertEquals(0, new picocli.CommandLine(new org.notmono.training.cli.TrainStage4Command()).execute("--resume", run.toString()));
        List<JsonNode> after = metrics(run);
        assertEquals(2, after.size());
        assertEquals(before.get(0), after.get(0));
        assertEquals(before.get(1).path("metrics").path("reward/total").asDouble(), after.get(1).path("metrics").path("reward/total").asDouble(),
                1e-6);
        assertEquals(before.get(1).path("metrics").path("train/loss").asDouble(), after.get(1).path("metrics").path("train/loss").asDouble(),
                1e-5);
        assertEquals("finished", JSON.readTree(run.resolve("status.json").toFile()).path("state").asText());
        assertEquals(2, Files.readAllLines(run.resolve("rollouts.jsonl")).stream().filter(l -> !l.isBlank()).count());
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> x = org.notmono.model.safetensors.SafeTensorsReader.read(whole.resolve("policy.safetensors"), m);
            Map<String, NDArray> y = org.notmono.model.safetensors.SafeTensorsReader.read(run.resolve("checkpoints/step-2/policy.safetensors"), m);
            for (String name : x.keySet()) { // Adam divides by sqrt(v): float sums of another process move a weight by ~1e-5
                assertArrayEquals(x.get(name).toFloatArray(), y.get(name).toFloatArray(), 1e-4f, name);
            }
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String answers(String rolloutLine) {
        try {
            JsonNode r = JSON.readTree(rolloutLine);
            return r.path("step").asText() + " " + r.path("promptId").asText() + " " + r.path("answers").findValuesAsText("text");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The newest checkpoint step of a run. */
    private static final class RunFolderSteps {
        static long latest(Path run) throws IOException {
            return org.notmono.training.run.RunFolder.open(run).latestCheckpointStep().orElseThrow();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void aCheckpointThatCannotBeWrittenFailsTheRunAndLeavesTheLastOneIntact() throws Exception {
        Path other = dir.resolve("full-disk-runs");
        CurriculumConfig four = config.with("stage2", new StageSettings(4, 4, 1e-2, 1, 2, 1.0, 2, 0, true, 0));
        boolean[] limited = {false};
        long pid = ProcessHandle.current().pid();
        Path[] runDir = new Path[1];
        BooleanSupplier afterFour = stopAfterSteps(other, 4);
        IOException e;
        try {
            e = assertThrows(IOException.class, () -> SupervisedStage.run(
                    new SupervisedStage.Request("stage2", four, data, last("stage0"), null, null, other, Device.cpu()), () -> {
                        // after step 4's metrics line, before its checkpoint: files may grow to 64 KB no more
                        if (!limited[0] && afterFour.getAsBoolean()) {
                            limited[0] = true;
                            try {
                                fileSizeLimit(pid, "65536");
                            } catch (IOException | InterruptedException failed) {
                                throw new IllegalStateException(failed);
                            }
                        }
                        return false;
                    }));
        } finally {
            fileSizeLimit(pid, "unlimited");
        }
        try (Stream<Path> s = Files.list(other)) {
            runDir[0] = s.findFirst().orElseThrow();
        }
        Path failed = runDir[0].resolve("checkpoints").resolve("step-4");
        assertEquals("could not write checkpoint " + failed + " (File too large); the checkpoints before it are intact", e.getMessage());
        JsonNode status = JSON.readTree(runDir[0].resolve("status.json").toFile());
        assertEquals("failed", status.path("state").asText());
        assertEquals(e.getMessage(), status.path("message").asText());
        assertFalse(Files.exists(failed));
        assertFalse(Files.exists(failed.resolveSibling("step-4.tmp")), "the partial copy is removed");
        try (LalmModel good = LalmCheckpoint.load(runDir[0].resolve("checkpoints/step-2"))) {
            assertEquals("stage2", StageCheckpoints.stageOf(runDir[0].resolve("checkpoints/step-2")));
        }
        // and the run resumes from it once there is room again
        SupervisedStage.Result resumed = SupervisedStage.run(
                new SupervisedStage.Request("stage2", four, null, null, null, runDir[0], other, Device.cpu()), () -> false);
        assertEquals(4, resumed.outcome().lastStep());
        assertEquals(4, metrics(runDir[0]).size());
    }

    /** Sets this process's soft limit on the size of files it writes (RLIMIT_FSIZE), as a full disk would stop a write part-way. */
    private static void fileSizeLimit(long pid, String bytes) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("prlimit", "--pid", Long.toString(pid), "--fsize=" + bytes + ":").inheritIO().start();
        assertEquals(0, p.waitFor(), "prlimit failed");
    }

    @Test
    void weightsWithNanOrInfinityAreRefusedNamingTheTensorAndFile() throws IOException {
        Path poisoned = dir.resolve("poisoned");
        try (LalmModel model = LalmCheckpoint.load(last("stage2"))) {
            String projectorTensor = model.projectorParameters().keySet().iterator().next();
            NDArray p = model.projectorParameters().get(projectorTensor);
            float[] values = p.toFloatArray();
            values[1] = Float.NaN;
            p.set(values);
            LalmCheckpoint.save(model, poisoned.resolve("projector"), Map.of("stage", "stage2"));
            IOException e = assertThrows(IOException.class, () -> LalmCheckpoint.load(poisoned.resolve("projector")));
            assertEquals(poisoned.resolve("projector").resolve("projector.params") + ": projector tensor " + projectorTensor
                    + " holds NaN values (weights of a diverged run?); use an earlier checkpoint", e.getMessage());
            values[1] = 0;
            p.set(values);
            NDArray w = model.lm().weights().get("model.layers.1.mlp.down_proj.weight");
            float[] lm = w.toFloatArray();
            lm[7] = Float.NEGATIVE_INFINITY;
            w.set(lm);
            LalmCheckpoint.save(model, poisoned.resolve("lm"), Map.of("stage", "stage2"));
            IOException inf = assertThrows(IOException.class, () -> LalmCheckpoint.load(poisoned.resolve("lm")));
            assertEquals(poisoned.resolve("lm").resolve("lm.safetensors") + ": tensor model.layers.1.mlp.down_proj.weight holds infinite"
                    + " values (weights of a diverged run?); use an earlier checkpoint", inf.getMessage());
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
        assertEquals("--init " + last("stage3") + " is a stage3 checkpoint; this stage starts from a stage2 checkpoint",
                wrongStage.getMessage());
        InputException wrongStage4 = assertThrows(InputException.class, () -> SapoStage.run(config, data, last("stage2"), bad, Device.cpu(), () -> false,
                d -> { }));
        assertEquals("--init " + last("stage2") + " is a stage2 checkpoint; this stage starts from a stage3 checkpoint",
                wrongStage4.getMessage());
        // a checkpoint of another architecture
        CurriculumConfig wider = new CurriculumConfig("wider", new Qwen2Config(420, 96, 128, 2, 4, 2, 512, 10000, 1e-6, true), 32, 64,
                true, true, true, config.lora(), 2, config.stage0(), config.stage2(), config.stage3(), config.stage4());
        InputException shape = assertThrows(InputException.class, () -> SupervisedStage.run(
                new SupervisedStage.Request("stage3", wider, data, last("stage2"), null, null, bad, Device.cpu()), () -> false));
        assertEquals("--init " + last("stage2") + ": the decoder's hidden_size is 64 but the config (wider) wants 96; use the config it was"
                + " trained with", shape.getMessage());
        InputException shape4 = assertThrows(InputException.class, () -> SapoStage.run(wider, data, last("stage3"), bad, Device.cpu(), () -> false,
                d -> { }));
        assertEquals("--init " + last("stage3") + ": the decoder's hidden_size is 64 but the config (wider) wants 96; use the config it was"
                + " trained with", shape4.getMessage());
        // another stage's run to resume
        InputException otherRun = assertThrows(InputException.class, () -> SupervisedStage.run(
                new SupervisedStage.Request("stage3", config, null, null, null, stage2Run, bad, Device.cpu()), () -> false));
        assertEquals("--resume " + stage2Run + " is a stage2 run; continue it with 'notmono train stage2 --resume'", otherRun.getMessage());
        // held-out data
        Path heldOut = Files.createDirectories(dir.resolve("held-out"));
        Files.writeString(heldOut.resolve("manifest.json"), "{\"seed\": 100000}");
        InputException seed = assertThrows(InputException.class, () -> SupervisedStage.run(
                new SupervisedStage.Request("stage0", config, heldOut, null, encoder, null, bad, Device.cpu()), () -> false));
        assertEquals("--data " + heldOut + " was made with seed 100000, held out for evaluation (seeds from 100000 up are never trained"
                + " on); make training data with a seed below it", seed.getMessage());
        InputException seed4 = assertThrows(InputException.class, () -> SapoStage.run(config, heldOut, last("stage3"), bad, Device.cpu(), () -> false,
                d -> { }));
        assertEquals("--data " + heldOut + " was made with seed 100000, held out for evaluation; make training data with a seed below"
                + " 100000", seed4.getMessage());
        // a corpus without the fields a stage needs
        Path bare = Files.createDirectories(dir.resolve("bare/shard-00000"));
        Files.writeString(bare.resolve("rtsd.jsonl"), "{\"format\": \"notmono.rtsd/1\", \"id\": \"s1-000000\", \"index\": 0}\n");
        InputException fields = assertThrows(InputException.class, () -> SupervisedStage.run(
                new SupervisedStage.Request("stage0", config, bare.getParent(), null, encoder, null, bad, Device.cpu()), () -> false));
        assertEquals(bare.getParent() + ": RTSD s1-000000 has no \"room\"; make the training data with 'notmono dataset'",
                fields.getMessage());
        InputException fields4 = assertThrows(InputException.class, () -> SapoStage.run(config, bare.getParent(), last("stage3"), bad, Device.cpu(),
                () -> false, d -> { }));
        assertEquals(bare.getParent() + ": RTSD s1-000000 has no \"room\"; make the training data with 'notmono dataset'",
                fields4.getMessage());
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
        assertEquals(250, tiny.stage4().steps());
        assertEquals(256, tiny.stage4().maxNewTokens());
        // the Stage 4 card's and 'train stage4 --config tiny''s preset trains as the recipe (its block written out) does
        assertEquals(SapoConfig.tiny(), tiny.stage4());
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
