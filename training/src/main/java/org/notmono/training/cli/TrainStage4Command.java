package org.notmono.training.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import ai.djl.Device;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.notmono.BuildInfo;
import org.notmono.cli.InputException;
import org.notmono.model.cli.DeviceOption;
import org.notmono.model.lalm.LalmCheckpoint;
import org.notmono.model.lalm.LalmModel;
import org.notmono.sim.scene.AssetsFingerprint;
import org.notmono.task.TerminalProgressBar;
import org.notmono.training.curriculum.CurriculumConfig;
import org.notmono.training.curriculum.FeatureCache;
import org.notmono.training.curriculum.SapoStage;
import org.notmono.training.curriculum.StageCheckpoints;
import org.notmono.training.monitor.RunLock;
import org.notmono.training.qa.QaItem;
import org.notmono.training.qa.QaJson;
import org.notmono.training.run.GracefulStop;
import org.notmono.training.run.RunFolder;
import org.notmono.training.sapo.EncodedClips;
import org.notmono.training.sapo.SapoConfig;
import org.notmono.training.sapo.Stage4Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code notmono train stage4 --init STAGE3 --qa ITEMS.jsonl [--data DIR] [--config tiny|paper|FILE] [--device D] -o RUNS}
 * or {@code --resume RUN}: SAPO on a Stage 3 LALM in a new run folder (or a stopped one continued, also one that
 * {@code train curriculum} started) (metrics.jsonl with {@code reward/*}, {@code kl/*};
 * rollouts.jsonl; checkpoints). The loop is {@link Stage4Trainer}, for the shared LM-stage runner to take over.
 */
@Command(name = "stage4", mixinStandardHelpOptions = true,
        description = {"Stage 4: SAPO (soft-gated policy optimisation with group advantages and adaptive KL) on a Stage 3 LALM.",
            "Ctrl-C or SIGTERM stops after the current step with a checkpoint."})
public class TrainStage4Command implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The stages whose checkpoints a new run starts from: Stage 3's, or Stage 4's for another leg of SAPO. */
    private static final List<String> STARTS_FROM = List.of("stage3", "stage4");

    @Option(names = "--config", defaultValue = "tiny", paramLabel = "tiny|paper|FILE", description = "named config or a config JSON (default ${DEFAULT-VALUE})")
    String config;

    @Option(names = "--init", paramLabel = "CHECKPOINT", description = "the Stage 3 LALM checkpoint, or a Stage 4 one for another leg (the reference policy)")
    Path init;

    @Option(names = "--qa", paramLabel = "FILE", description = "multiple-choice QA items (notmono.qa/1 JSON lines of kind mcq): the prompts")
    Path qa;

    @Option(names = "--resume", paramLabel = "RUN", description = "continue this Stage 4 run, also a curriculum's, from its last checkpoint (its own config and inputs)")
    Path resume;

    @Option(names = "--data", paramLabel = "DIR", description = "folder the items' clip paths are relative to (default: the QA file's folder)")
    Path data;

    @Option(names = "--steps", paramLabel = "N", description = "override the config's number of steps")
    Integer steps;

    @Option(names = "-o", defaultValue = "runs", paramLabel = "RUNS", description = "folder of runs (default ${DEFAULT-VALUE})")
    Path runs;

    @Mixin
    DeviceOption device;

    @Override
    public Integer call() throws IOException {
        if (resume != null) {
            return resume();
        }
        if (init == null || qa == null) {
            throw new InputException("--init CHECKPOINT and --qa FILE are required (or --resume RUN to continue a run)");
        }
        SapoConfig sapo = SapoConfig.resolve(config);
        if (steps != null) {
            if (steps < 1) {
                throw new InputException("--steps " + steps + ": must be at least 1");
            }
            ObjectNode json = sapo.toJson();
            json.put("steps", steps);
            sapo = SapoConfig.fromJson(json, "--steps");
        }
        Device chosen = device.device();
        if (!LalmCheckpoint.isCheckpoint(init)) {
            throw new InputException("--init " + init + ": not a LALM checkpoint (no model.json and lm.safetensors)");
        }
        String stage = StageCheckpoints.stageOf(init);
        if (!STARTS_FROM.contains(stage)) { // SAPO on a model that never learnt to reason in <think> would waste its rollouts
            throw new InputException("--init " + StageCheckpoints.describe(init, stage)
                    + "; Stage 4 starts from a stage3 checkpoint (or a stage4 one, for another leg)");
        }
        List<QaItem> items = readItems(qa);
        Path clips = data != null ? data : qa.toAbsolutePath().getParent();
        checkClips(items, clips);
        ObjectNode json = MAPPER.createObjectNode();
        json.set("stage4", sapo.toJson());
        ObjectNode inputs = json.putObject("inputs");
        inputs.put("init", init.toAbsolutePath().toString());
        inputs.put("qa", qa.toAbsolutePath().toString());
        inputs.put("data", clips.toAbsolutePath().toString());
        json.put("gitCommit", BuildInfo.gitCommit());
        json.put("assets", AssetsFingerprint.sha256());
        json.put("device", chosen.toString());
        try (LalmModel model = LalmCheckpoint.load(init, chosen)) {
            RunFolder run = RunFolder.create(runs, "stage4", json);
            try (RunLock lock = RunLock.acquire(run.dir())) { // held while this process trains the run
                return train(sapo, model, items, clips, run, null, chosen);
            }
        }
    }

    /** {@code --resume RUN}: the run's own config, init, QA file and clips, from its newest checkpoint. */
    private Integer resume() throws IOException {
        if (init != null || qa != null || steps != null) {
            throw new InputException("--resume " + resume + " continues the run with its own config and inputs; leave out --init, --qa and --steps");
        }
        RunFolder run = RunFolder.openToResume(resume, "stage4");
        var saved = run.config();
        if (saved.has("curriculum")) { // a curriculum's Stage 4 generates its prompts from its data: no QA file to read
            return resumeCurriculumRun(CurriculumConfig.fromJson(saved.get("curriculum"), resume.resolve("config.json").toString()));
        }
        if (!saved.path("inputs").path("qa").isTextual() || !Files.isRegularFile(Path.of(saved.path("inputs").path("qa").asText()))) {
            throw new InputException("--resume " + resume + ": its QA file " + saved.path("inputs").path("qa").asText() + " is gone;"
                    + " put it back, or start a new run with --init and --qa");
        }
        SapoConfig sapo = SapoConfig.fromJson(saved.path("stage4"), resume.resolve("config.json").toString());
        List<QaItem> items = readItems(Path.of(saved.path("inputs").path("qa").asText()));
        Path from = run.latestCheckpointStep().map(run::checkpoint).orElse(null);
        if (!Stage4Trainer.canResumeFrom(from)) {
            throw new InputException("--resume " + resume + ": " + from + " has no " + Stage4Trainer.POLICY + " (written before Stage 4"
                    + " could resume); start a new run with --init " + from);
        }
        Device chosen = device.device(); // the device given now, not the recorded one (as Stage 1)
        try (RunLock lock = RunLock.acquire(run.dir());
             LalmModel model = LalmCheckpoint.load(Path.of(saved.path("inputs").path("init").asText()), chosen)) {
            return train(sapo, model, items, Path.of(saved.path("inputs").path("data").asText()), run, from, chosen);
        }
    }

    /** {@code --resume} of a Stage 4 run that {@code train curriculum} started, as the curriculum would resume it. */
    private Integer resumeCurriculumRun(CurriculumConfig curriculum) throws IOException {
        EngineSetup.threads(curriculum.threads()); // the curriculum's engine threads, before the engine starts
        if (!SapoStage.resumable(resume)) {
            throw new InputException("--resume " + resume + ": its newest checkpoint has no " + Stage4Trainer.POLICY + " (written before"
                    + " Stage 4 could resume); run 'notmono train curriculum' on its runs folder to train Stage 4 again");
        }
        System.out.println("run " + resume);
        try (GracefulStop stop = new GracefulStop()) {
            Stage4Trainer.Outcome outcome = SapoStage.resume(resume, device.device(), stop);
            System.out.println((outcome.stopped() ? "stopped at step " : "finished at step ") + outcome.lastStep() + ": " + outcome.lastMetrics());
        }
        return 0;
    }

    private static Integer train(SapoConfig sapo, LalmModel model, List<QaItem> items, Path clips, RunFolder run, Path from,
                                 Device device) throws IOException {
        // encoder outputs cached on disk beside the clips, as the curriculum's Stage 4 hears them: a run over
        // thousands of clips never holds them all in memory, and a resumed or later run does not encode them again
        FeatureCache cache = new FeatureCache(model, clips);
        EncodedClips encoded = cache.encodedClips();
        try (TerminalProgressBar bar = TerminalProgressBar.onStderr()) {
            run.log("stage4 computes on " + device);
            run.log("encoder outputs cached in " + cache.folder());
            System.out.println("run " + run.dir());
            try (GracefulStop stop = new GracefulStop()) { // closed after the status is written, so a kill waits for it
                try {
                    Stage4Trainer trainer = new Stage4Trainer(sapo, model, items, encoded, run);
                    Stage4Trainer.Outcome outcome = trainer.resume(from, bar, stop);
                    System.out.println((outcome.stopped() ? "stopped at step " : "finished at step ") + outcome.lastStep()
                            + ": " + outcome.lastMetrics());
                    run.log("encoder outputs: " + cache.computed() + " computed, the rest read from " + cache.folder());
                } catch (IOException | RuntimeException e) {
                    run.status("failed", run.latestCheckpointStep().orElse(0L), 0, String.valueOf(e.getMessage()));
                    throw e;
                }
            }
        }
        return 0;
    }

    /** Every item's clip is a file under {@code clips}; else a one-line error, before a run folder is made. */
    private void checkClips(List<QaItem> items, Path clips) {
        for (QaItem item : items) {
            if (!Files.isRegularFile(clips.resolve(item.clip()))) {
                throw new InputException("--qa " + qa + ": item " + item.id() + "'s clip " + item.clip() + " is not in " + clips
                        + (data == null ? " (the QA file's folder)" : "") + "; pass the dataset the items were made from as --data");
            }
        }
    }

    /**
     * The prompts of {@code file}: every non-blank line a {@code notmono.qa/1} item of kind mcq with
     * its options and answer; otherwise a one-line error naming the file and the line.
     */
    static List<QaItem> readItems(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputException("--qa " + file + ": no such file");
        }
        List<QaItem> items = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int n = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                String where = "--qa " + file + " line " + n + ": ";
                QaItem item;
                try {
                    item = QaJson.parse(line);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new InputException(where + "not a JSON object (a torn or malformed line)");
                } catch (IOException | RuntimeException e) { // RuntimeException: a JSON value of the wrong type
                    throw new InputException(where + "not a QA item (" + firstLine(String.valueOf(e.getMessage())) + ")");
                }
                for (String field : List.of("id", "clip", "question", "answer")) {
                    if (MAPPER.readTree(line).path(field).asText().isBlank()) {
                        throw new InputException(where + "item has no \"" + field + "\"");
                    }
                }
                if (item.kind() != org.notmono.training.qa.QaKind.MCQ) {
                    throw new InputException(where + "item " + item.id() + " is of kind " + item.kind().id()
                            + "; Stage 4 needs multiple-choice items (make them with notmono qa --kind mcq)");
                }
                if (item.options() == null) {
                    throw new InputException(where + "item " + item.id() + " has no \"options\" array");
                }
                if (item.options().size() < 2 || !item.answer().matches("[A-" + (char) ('A' + item.options().size() - 1) + "]")) {
                    throw new InputException(where + "item " + item.id() + " has answer '" + item.answer() + "' for "
                            + item.options().size() + " options; expected one letter among them");
                }
                items.add(item);
            }
        }
        if (items.isEmpty()) {
            throw new InputException("--qa " + file + ": no QA items (the file is empty); make them with notmono qa --kind mcq");
        }
        return items;
    }

    private static String firstLine(String message) {
        int cut = message.indexOf('\n');
        return cut < 0 ? message : message.substring(0, cut);
    }
}
