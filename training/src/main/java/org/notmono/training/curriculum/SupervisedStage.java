package org.notmono.training.curriculum;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.notmono.BuildInfo;
import org.notmono.cli.InputException;
import org.notmono.model.encoder.EncoderOutput;
import org.notmono.model.lalm.LalmCheckpoint;
import org.notmono.model.lalm.LalmModel;
import org.notmono.model.lm.Qwen2Model;
import org.notmono.model.projector.ProjectorKind;
import org.notmono.model.tokenizer.BpeTrainer;
import org.notmono.model.tokenizer.SpecialTokens;
import org.notmono.sim.scene.AssetsFingerprint;
import org.notmono.training.monitor.RunLock;
import org.notmono.training.qa.DatasetRtsds;
import org.notmono.training.qa.QaVocabulary;
import org.notmono.training.run.RunFolder;

/**
 * Starts or resumes one supervised stage in a run folder: checks its inputs (a training
 * dataset, the checkpoint of the stage before, the architecture), builds the model and the
 * examples, and trains with {@link LmStageRunner}. Stage 0 trains the tokenizer, then the decoder
 * from scratch with the projector on scene text and on questions heard from scenes' truth
 * ({@link OracleSlots}); Stage 2 the projector alone; Stage 3 the projector and LoRA.
 */
public final class SupervisedStage {
    /** The supervised stages in curriculum order. */
    public static final List<String> STAGES = List.of("stage0", "stage2", "stage3");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SupervisedStage() {
    }

    /**
     * What to train.
     *
     * @param init the checkpoint to start from: Stage 0's for Stage 2, Stage 2's for Stage 3 (null for Stage 0)
     * @param encoder Stage 0's encoder checkpoint folder (later stages take the encoder of {@code init})
     * @param resume a run folder to continue, or null for a new run in {@code runs}
     * @param device where the model and its arrays live; a resumed run uses this one, not the one it recorded
     */
    public record Request(String stage, CurriculumConfig config, Path data, Path init, Path encoder, Path resume, Path runs,
                          Device device) {
    }

    /** How the stage ended, and its run. */
    public record Result(Path run, LmStageRunner.Outcome outcome) {
    }

    public static Result run(Request request, BooleanSupplier stopRequested) throws IOException {
        String stage = request.stage();
        if (!STAGES.contains(stage)) {
            throw new IllegalArgumentException("no supervised stage " + stage);
        }
        RunFolder run = null;
        RunLock lock = null;
        Request r = request;
        if (request.resume() != null) {
            run = RunFolder.openToResume(request.resume(), stage);
            lock = RunLock.acquire(run.dir());
            JsonNode saved = run.config();
            JsonNode inputs = saved.path("inputs");
            r = new Request(stage, CurriculumConfig.fromJson(saved.path("curriculum"), run.dir().resolve("config.json").toString()),
                    path(inputs, "data"), path(inputs, "init"), path(inputs, "encoder"), run.dir(), request.runs(), request.device());
        }
        try {
            return train(r, run, stopRequested);
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    private static Result train(Request r, RunFolder existing, BooleanSupplier stop) throws IOException {
        String stage = r.stage();
        StageSettings settings = r.config().settings(stage);
        if (r.data() == null) {
            throw new InputException("--data DIR is required (a training dataset made by 'notmono dataset'), or --resume RUN");
        }
        long dataSeed = DatasetRtsds.seed(r.data());
        if (dataSeed >= StageSettings.HELD_OUT_SEEDS) {
            throw new InputException("--data " + r.data() + " was made with seed " + dataSeed + ", held out for evaluation (seeds from "
                    + StageSettings.HELD_OUT_SEEDS + " up are never trained on); make training data with a seed below it");
        }
        List<DatasetRtsds.Scene> scenes = DatasetRtsds.read(r.data());
        QaVocabulary vocabulary = QaVocabulary.fromAssets();
        SupervisedCorpus corpus = new SupervisedCorpus(vocabulary);
        List<Sample> samples = switch (stage) {
            case "stage0" -> corpus.stage0(r.data(), scenes, settings.seed(), settings.optionWalk(), settings.knowledge());
            case "stage2" -> corpus.stage2(r.data(), scenes, settings.seed());
            default -> corpus.stage3(r.data(), scenes, settings.seed(), settings.optionWalk());
        };
        if (!stage.equals("stage0")) {
            StageCheckpoints.checkInit(r.init(), StageCheckpoints.previous(stage), r.config(), "--init");
        }
        Optional<Long> resumeStep = existing == null ? Optional.empty() : existing.latestCheckpointStep();
        long start = resumeStep.orElse(0L);
        RunFolder run = existing;
        RunLock lock = null;
        try (NDManager features = NDManager.newBaseManager(r.device());
             LalmModel model = resumeStep.isPresent() ? LalmCheckpoint.load(existing.checkpoint(start), r.device()) : fresh(r, samples, vocabulary)) {
            if (run == null) {
                run = RunFolder.create(r.runs(), stage, runConfig(r));
                lock = RunLock.acquire(run.dir());
            }
            run.plannedSteps(settings.steps()); // a stop or failure before the first step still shows how far the run is
            // running from here, with this pid: the app's Stop reaches the set-up, and a kill during it leaves the run stale
            run.status("running", start, 0, start == 0 ? "setting up" : "setting up to resume at step " + start);
            try {
                run.log(stage + " computes on " + r.device());
                if (stage.equals("stage3") && model.lora() == null) {
                    model.addLora(r.config().lora(), settings.seed());
                }
                LmStageRunner runner;
                try {
                    runner = setUp(r, run, model, samples, scenes, features, dataSeed, stop);
                } catch (StoppedDuringSetup stopped) {
                    return stoppedDuringSetup(run, start);
                }
                return new Result(run.dir(), runner.train(start, stop));
            } catch (IOException | RuntimeException e) { // in set-up or training: the run says why, not "running"
                run.status("failed", start, 0, String.valueOf(e.getMessage()));
                throw e;
            }
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    /** The stage's trainable model and examples, ready for its first (or next) step; polls {@code stop} on the way. */
    private static LmStageRunner setUp(Request r, RunFolder run, LalmModel model, List<Sample> samples, List<DatasetRtsds.Scene> scenes,
                                       NDManager features, long dataSeed, BooleanSupplier stop) throws IOException {
        String stage = r.stage();
        StageSettings settings = r.config().settings(stage);
        Map<String, NDList> byClip = encoderOutputs(model, r.data(), samples, features, run, stop);
        int context = model.lm().config().maxPositions() + 1;
        int audioTokens = audioTokens(model, byClip.values().iterator().next(), features);
        List<Sample> heard = samples.stream().filter(s -> s.clip() != null).toList();
        Tokenized spoken = Tokenized.of(heard, model.tokenizer(), context - audioTokens, stop);
        List<NDList> encoded = new ArrayList<>();
        spoken.kept().forEach(i -> encoded.add(byClip.get(heard.get(i).clip())));
        Tokenized written = Tokenized.of(samples.stream().filter(s -> s.clip() == null).toList(), model.tokenizer(), context, stop);
        StageModel trainable;
        if (stage.equals("stage0")) {
            Map<String, JsonNode> rtsds = new HashMap<>();
            scenes.forEach(s -> rtsds.put(s.clip(), s.rtsd()));
            List<LanguageStage.Heard> truths = new ArrayList<>();
            for (int k = 0; k < spoken.examples().size(); k++) {
                String clip = heard.get(spoken.kept().get(k)).clip();
                truths.add(new LanguageStage.Heard(spoken.examples().get(k), rtsds.get(clip), encoded.get(k)));
            }
            trainable = new LanguageStage(model, written.examples(), truths, settings.seed(), settings.gradientClip());
        } else {
            Map<String, NDArray> trained = new LinkedHashMap<>(model.projectorParameters());
            if (stage.equals("stage3")) {
                trained.putAll(model.lora().parameters());
            }
            trainable = new AudioQaStage(model, spoken.examples(), encoded, trained, settings.gradientClip());
        }
        int examples = written.examples().size() + spoken.examples().size();
        if (examples == 0) {
            throw new InputException("--data " + r.data() + ": no " + stage + " example fits the decoder's context of "
                    + model.lm().config().maxPositions() + " tokens");
        }
        int dropped = written.dropped() + spoken.dropped();
        if (dropped > 0) {
            run.log("warning: " + dropped + " of " + samples.size() + " examples do not fit the context and are left out");
        }
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("data", r.data().toString());
        provenance.put("dataSeed", dataSeed);
        provenance.put("examples", examples);
        provenance.put("curriculum", r.config().toJson());
        StoppedDuringSetup.poll(stop);
        return new LmStageRunner(stage, settings, trainable, run, provenance);
    }

    /** A stop before the first step of this session: the run keeps its checkpoints and says where it will resume. */
    private static Result stoppedDuringSetup(RunFolder run, long start) throws IOException {
        String message = "stopped while setting up, before step " + (start + 1) + "; resume with --resume";
        run.status("stopped", start, 0, message);
        run.log(message);
        return new Result(run.dir(), new LmStageRunner.Outcome(start, true, Map.of()));
    }

    /** A model for a stage's first step: a new tokenizer and decoder (Stage 0) or the previous stage's checkpoint. */
    private static LalmModel fresh(Request r, List<Sample> samples, QaVocabulary vocabulary) throws IOException {
        CurriculumConfig c = r.config();
        if (!r.stage().equals("stage0")) {
            return LalmCheckpoint.load(r.init(), r.device());
        }
        if (r.encoder() == null || !Files.isRegularFile(r.encoder().resolve("model.json"))) {
            throw new InputException("--encoder " + r.encoder() + " is not an encoder checkpoint (no model.json); give the Stage 1"
                    + " checkpoint the LALM hears through");
        }
        List<String> texts = new ArrayList<>();
        samples.forEach(s -> texts.add(s.prompt() + s.completion()));
        Path tokenizer = Files.createTempFile("notmono-stage0-tokenizer", ".json");
        tokenizer.toFile().deleteOnExit();
        new BpeTrainer(c.lm().vocabSize(), SpecialTokens.ALL).train(texts).write(tokenizer);
        Qwen2Model lm = Qwen2Model.create(c.lm(), c.stage0().seed(), NDManager.newBaseManager(r.device()));
        return LalmModel.assemble("lalm-" + c.name(), r.encoder(), lm, tokenizer, ProjectorKind.P2, c.projectorHidden(),
                c.projectorBottleneck(), c.stage0().seed(), r.device(), c.projectorClassWords() ? vocabulary::words : null,
                c.projectorRoomWords(), c.projectorSlotsAtWordScale());
    }

    /** The frozen encoder's outputs for every clip the samples hear, computed once ({@link FeatureCache}), by clip; polls {@code stop}. */
    private static Map<String, NDList> encoderOutputs(LalmModel model, Path data, List<Sample> samples, NDManager manager, RunFolder run,
                                                      BooleanSupplier stop) throws IOException {
        FeatureCache cache = new FeatureCache(model, data);
        Map<String, NDList> byClip = new LinkedHashMap<>();
        for (Sample s : samples) {
            if (s.clip() != null && !byClip.containsKey(s.clip())) {
                StoppedDuringSetup.poll(stop);
                byClip.put(s.clip(), cache.outputs(data.resolve(s.clip()), manager));
            }
        }
        run.log("encoder outputs: " + byClip.size() + " clips, " + cache.computed() + " computed, the rest read from " + cache.folder());
        return byClip;
    }

    private static int audioTokens(LalmModel model, NDList clip, NDManager manager) {
        try (NDManager scratch = manager.newSubManager()) {
            return (int) model.project(new EncoderOutput(clip), scratch).getShape().get(1);
        }
    }

    private static ObjectNode runConfig(Request r) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("stage", r.stage());
        json.set("curriculum", r.config().toJson());
        ObjectNode inputs = json.putObject("inputs");
        put(inputs, "data", r.data());
        put(inputs, "init", r.init());
        put(inputs, "encoder", r.encoder());
        json.put("gitCommit", BuildInfo.gitCommit());
        json.put("assets", AssetsFingerprint.sha256());
        json.put("device", r.device().toString());
        return json;
    }

    private static void put(ObjectNode n, String key, Path p) {
        if (p == null) {
            n.putNull(key);
        } else {
            n.put(key, p.toAbsolutePath().toString());
        }
    }

    private static Path path(JsonNode inputs, String key) {
        JsonNode v = inputs.path(key);
        return v.isTextual() ? Path.of(v.asText()) : null;
    }
}
