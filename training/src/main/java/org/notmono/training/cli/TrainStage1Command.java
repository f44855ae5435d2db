package org.notmono.training.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import ai.djl.Device;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.notmono.BuildInfo;
import org.notmono.cli.InputException;
import org.notmono.model.cli.DeviceOption;
import org.notmono.model.encoder.EncoderCheckpoint;
import org.notmono.model.encoder.EncoderModel;
import org.notmono.model.encoder.VocabularyTransfer;
import org.notmono.sim.scene.AssetsFingerprint;
import org.notmono.sim.sources.ClassVocabulary;
import org.notmono.sim.sources.SourceClass;
import org.notmono.task.TerminalProgressBar;
import org.notmono.training.run.GracefulStop;
import org.notmono.training.run.RunFolder;
import org.notmono.training.monitor.RunLock;
import org.notmono.training.stage1.NonFiniteTrainingException;
import org.notmono.training.stage1.Stage1Config;
import org.notmono.training.stage1.Stage1Data;
import org.notmono.training.stage1.Stage1Inputs;
import org.notmono.training.stage1.Stage1Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code notmono train stage1 --config tiny|base|paper|FILE --data DIR [--val DIR] [--resume RUN] [--device D] -o RUNS}. */
@Command(name = "stage1", mixinStandardHelpOptions = true,
        description = {"Stage 1: train the spatial encoder (phase I on simulated data; phase II adds --real recordings 7:3).",
            "Ctrl-C or SIGTERM (kill PID, the app's Stop) stops gracefully: a checkpoint is written and --resume continues the run."})
public class TrainStage1Command implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Option(names = "--config", defaultValue = "tiny", paramLabel = "tiny|base|paper|FILE",
            description = "named config or a config JSON (default ${DEFAULT-VALUE})")
    String config;

    @Option(names = "--data", split = ",", paramLabel = "DIR", description = "simulated dataset(s), comma-separated")
    List<Path> data;

    @Option(names = "--val", paramLabel = "DIR", description = "validation dataset")
    Path validation;

    @Option(names = "--real", paramLabel = "DIR", description = "phase II: real recordings in STARSS23 layout")
    Path real;

    @Option(names = "--init", paramLabel = "CHECKPOINT", description = "start from this checkpoint (phase II after phase I)")
    Path init;

    @Option(names = "--resume", paramLabel = "RUN", description = "continue this run folder from its last checkpoint")
    Path resume;

    @Option(names = "-o", defaultValue = "runs", paramLabel = "RUNS", description = "folder of runs (default ${DEFAULT-VALUE})")
    Path runs;

    @Mixin
    DeviceOption device;

    /** Held while this process trains its run, released when the process ends however it ends. */
    private RunLock lock;

    @Option(names = "--allow-held-out-data",
            description = "train or validate on datasets with held-out seeds (>= 100000), which evaluation relies on never being trained on")
    boolean allowHeldOut;

    @Override
    public Integer call() throws IOException {
        RunFolder run = resume == null ? null : RunFolder.openToResume(resume, "stage1");
        if (run != null) {
            lock = RunLock.acquire(run.dir());
        }
        Stage1Config stage1 = run != null
                ? Stage1Config.fromJson(run.config().get("stage1"), run.dir().resolve("config.json").toString())
                : Stage1Config.resolve(config);
        Stage1Inputs inputs = run != null ? Stage1Inputs.fromJson(run.config().get("inputs")) : newInputs();
        EngineSetup.threads(stage1.training().threads());
        Device chosen = device.device();
        ClassVocabulary classes = ClassVocabulary.fromAssets();
        List<String> vocabulary = classes.classes().stream().map(SourceClass::id).toList();
        Optional<Long> resumeStep = run == null ? Optional.empty() : run.latestCheckpointStep();
        long start = resumeStep.orElse(0L);
        try (EncoderModel model = resumeStep.isPresent()
                ? EncoderCheckpoint.load(run.checkpoint(start), stage1.encoder(), chosen)
                : inputs.init() != null ? initialised(inputs.init(), stage1, vocabulary, chosen)
                : EncoderModel.create(stage1.encoder(), vocabulary, stage1.training().seed(), chosen);
             TerminalProgressBar bar = TerminalProgressBar.onStderr()) {
            // labels index the model's classes: a loaded checkpoint keeps the vocabulary it was trained with
            Stage1Data sets = Stage1Data.open(stage1, inputs, model.classes(), classes, bar);
            if (run == null) {
                ObjectNode json = MAPPER.createObjectNode();
                json.set("stage1", stage1.toJson());
                json.set("inputs", inputs.toJson());
                json.set("seeds", seeds(sets));
                json.put("gitCommit", BuildInfo.gitCommit());
                json.put("assets", AssetsFingerprint.sha256());
                json.put("device", chosen.toString());
                run = RunFolder.create(runs, "stage1", json);
                lock = RunLock.acquire(run.dir());
            }
            if (!sets.trainAssets().equals(String.valueOf(AssetsFingerprint.sha256()))) {
                run.log("warning: the data was made from other assets (" + sets.trainAssets() + ") than these ("
                        + AssetsFingerprint.sha256() + ")");
            }
            Stage1Trainer trainer = new Stage1Trainer(stage1, model, sets.train(), sets.order(), sets.validation(), run,
                    provenance(inputs, sets));
            train(trainer, run, start, bar);
        }
        return 0;
    }

    /**
     * The {@code --init} checkpoint moved onto today's class vocabulary when the asset library
     * has changed since it was trained (its class head rows follow their class).
     */
    private static EncoderModel initialised(Path init, Stage1Config stage1, List<String> vocabulary, Device device)
            throws IOException {
        EncoderModel trained = EncoderCheckpoint.load(init, stage1.encoder(), device);
        if (trained.classes().equals(vocabulary)) {
            return trained;
        }
        try (trained) {
            System.err.println("--init " + init + ": moving its class head onto the assets' vocabulary; classes new to it: "
                    + VocabularyTransfer.unseen(trained, vocabulary));
            return VocabularyTransfer.adopt(trained, vocabulary, stage1.training().seed());
        }
    }

    private Stage1Inputs newInputs() {
        if (data == null || data.isEmpty()) {
            throw new InputException("--data DIR is required (or --resume RUN)");
        }
        return new Stage1Inputs(data, validation, real, init, allowHeldOut);
    }

    /** The seeds of the data, so a reader of config.json sees at once what the run may not be evaluated on. */
    private static ObjectNode seeds(Stage1Data sets) {
        ObjectNode seeds = MAPPER.createObjectNode();
        sets.trainSeeds().forEach(seeds.putArray("data")::add);
        seeds.put("val", sets.validationSeed());
        return seeds;
    }

    private static Map<String, Object> provenance(Stage1Inputs inputs, Stage1Data sets) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("inputs", inputs.toJson());
        p.put("dataSeeds", sets.trainSeeds());
        p.put("valSeed", sets.validationSeed());
        p.put("dataAssets", sets.trainAssets());
        return p;
    }

    /** Runs the loop; Ctrl-C or a kill asks it to stop and waits for its checkpoint. */
    private static void train(Stage1Trainer trainer, RunFolder run, long start, TerminalProgressBar bar) throws IOException {
        System.out.println("run " + run.dir());
        try (GracefulStop stop = new GracefulStop()) { // closed after the status is written, so a kill waits for it
            try {
                Stage1Trainer.Outcome outcome = trainer.train(start, bar, stop);
                System.out.println((outcome.stopped() ? "stopped at step " : "finished at step ") + outcome.lastStep() + ": "
                        + outcome.lastMetrics());
            } catch (NonFiniteTrainingException e) {
                throw e; // the trainer has written its status and checkpoint
            } catch (IOException | RuntimeException e) {
                run.status("failed", start, 0, String.valueOf(e.getMessage()));
                throw e;
            }
        }
    }
}
