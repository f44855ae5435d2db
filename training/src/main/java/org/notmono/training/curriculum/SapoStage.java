package org.notmono.training.curriculum;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.notmono.BuildInfo;
import org.notmono.cli.InputException;
import org.notmono.model.lalm.LalmCheckpoint;
import org.notmono.model.lalm.LalmModel;
import org.notmono.sim.scene.AssetsFingerprint;
import org.notmono.task.TaskContext;
import org.notmono.training.monitor.RunLock;
import org.notmono.training.qa.DatasetRtsds;
import org.notmono.training.qa.Family;
import org.notmono.training.qa.Phrasings;
import org.notmono.training.qa.QaCorpus;
import org.notmono.training.qa.QaGenerator;
import org.notmono.training.qa.QaItem;
import org.notmono.training.qa.QaKind;
import org.notmono.training.qa.QaVocabulary;
import org.notmono.training.run.RunFolder;
import org.notmono.training.sapo.EncodedClips;
import org.notmono.training.sapo.Stage4Trainer;

/**
 * Stage 4 in the curriculum: SAPO ({@link Stage4Trainer}) from the Stage 3 checkpoint in a new
 * run folder (or an unfinished run resumed from its newest checkpoint), on multiple-choice items made from the training scenes with the training phrasings
 * (in memory: the items are a pure function of the scenes and the seed), hearing the clips
 * through the {@link FeatureCache} that Stages 2 and 3 filled, so the encoder is not run again.
 */
public final class SapoStage {
    static final String STAGE = "stage4";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SapoStage() {
    }

    /** Trains Stage 4 from {@code init} (a Stage 3 checkpoint) on {@code device} in a new run in {@code runs}. */
    static Stage4Trainer.Outcome run(CurriculumConfig config, Path data, Path init, Path runs, Device device, BooleanSupplier stop,
                                     Consumer<Path> started)
            throws IOException {
        StageCheckpoints.checkInit(init, "stage3", config, "--init");
        List<QaItem> items = items(config, data);
        try (LalmModel model = LalmCheckpoint.load(init, device)) {
            RunFolder run = RunFolder.create(runs, STAGE, runConfig(config, data, init, items.size(), device));
            started.accept(run.dir());
            try (RunLock lock = RunLock.acquire(run.dir())) { // held while this process trains the run
                return train(config, data, model, items, run, null, device, stop);
            }
        }
    }

    /** True when the Stage 4 run {@code dir} can be resumed: its newest checkpoint (if any) holds the policy adapters. */
    public static boolean resumable(Path dir) throws IOException {
        RunFolder run = RunFolder.open(dir);
        return Stage4Trainer.canResumeFrom(run.latestCheckpointStep().map(run::checkpoint).orElse(null));
    }

    /** Continues the Stage 4 run {@code dir} from its newest checkpoint on {@code device}, with the run's own config and inputs. */
    public static Stage4Trainer.Outcome resume(Path dir, Device device, BooleanSupplier stop) throws IOException {
        RunFolder run = RunFolder.open(dir);
        // the lock first: a run that another process trains is refused, its status left alone, before anything is loaded
        try (RunLock lock = RunLock.acquire(run.dir())) {
            JsonNode saved = run.config();
            CurriculumConfig config = CurriculumConfig.fromJson(saved.path("curriculum"), dir.resolve("config.json").toString());
            Path data = Path.of(saved.path("inputs").path("data").asText());
            Path init = Path.of(saved.path("inputs").path("init").asText());
            StageCheckpoints.checkInit(init, "stage3", config, "the run's init");
            List<QaItem> items = items(config, data);
            try (LalmModel model = LalmCheckpoint.load(init, device)) {
                return train(config, data, model, items, run, run.latestCheckpointStep().map(run::checkpoint).orElse(null), device, stop);
            }
        }
    }

    /** The multiple-choice items of Stage 4: a pure function of the training scenes and the Stage 4 seed. */
    private static List<QaItem> items(CurriculumConfig config, Path data) throws IOException {
        long dataSeed = DatasetRtsds.seed(data);
        if (dataSeed >= StageSettings.HELD_OUT_SEEDS) {
            throw new InputException("--data " + data + " was made with seed " + dataSeed + ", held out for evaluation; make training data"
                    + " with a seed below " + StageSettings.HELD_OUT_SEEDS);
        }
        QaCorpus corpus = new QaCorpus(new QaGenerator(QaVocabulary.fromAssets(), Phrasings.standard(), Phrasings.Set.TRAIN));
        List<DatasetRtsds.Scene> scenes = DatasetRtsds.read(data);
        SupervisedCorpus.checkFields(data, scenes);
        List<QaItem> items = corpus.make(scenes, List.of(Family.values()), QaKind.MCQ, config.stage4().seed());
        if (items.isEmpty()) {
            throw new InputException("--data " + data + ": its scenes give no multiple-choice item for Stage 4");
        }
        return items;
    }

    /** Trains in {@code run}, whose lock the caller holds, from {@code from} (a checkpoint of the run) or from the start. */
    private static Stage4Trainer.Outcome train(CurriculumConfig config, Path data, LalmModel model, List<QaItem> items, RunFolder run,
                                               Path from, Device device, BooleanSupplier stop) throws IOException {
        FeatureCache cache = new FeatureCache(model, data);
        EncodedClips clips = cache.encodedClips();
        try {
            run.log(STAGE + " computes on " + device);
            run.log(items.size() + " multiple-choice prompts from " + data + "; encoder outputs from " + cache.folder());
            Stage4Trainer trainer = new Stage4Trainer(config.stage4(), model, items, clips, run);
            Stage4Trainer.Outcome outcome = trainer.resume(from, TaskContext.none(), stop); // from null: step 1 on
            run.log("encoder outputs: " + cache.computed() + " computed, the rest read from " + cache.folder());
            return outcome;
        } catch (IOException | RuntimeException e) {
            run.status("failed", run.latestCheckpointStep().orElse(0L), 0, String.valueOf(e.getMessage()));
            throw e;
        }
    }

    private static ObjectNode runConfig(CurriculumConfig config, Path data, Path init, int prompts, Device device) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("stage", STAGE);
        json.set("curriculum", config.toJson());
        json.set("stage4", config.stage4().toJson());
        ObjectNode inputs = json.putObject("inputs");
        inputs.put("data", data.toAbsolutePath().toString());
        inputs.put("init", init.toAbsolutePath().toString());
        inputs.put("qa", "generated: kind mcq, training phrasings, " + prompts + " items");
        json.put("gitCommit", BuildInfo.gitCommit());
        json.put("assets", AssetsFingerprint.sha256());
        json.put("device", device.toString());
        return json;
    }
}
