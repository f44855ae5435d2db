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
import org.notmono.training.monitor.RunLock;
import org.notmono.training.qa.QaItem;
import org.notmono.training.qa.QaJson;
import org.notmono.training.run.GracefulStop;
import org.notmono.training.run.RunFolder;
import org.notmono.training.sapo.ClipEncodings;
import org.notmono.training.sapo.SapoConfig;
import org.notmono.training.sapo.Stage4Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code notmono train stage4 --init STAGE3 --qa ITEMS.jsonl [--data DIR] [--config tiny|paper|FILE] [--device D] -o RUNS}:
 * SAPO on a Stage 3 LALM in a new run folder (metrics.jsonl with {@code reward/*}, {@code kl/*};
 * rollouts.jsonl; checkpoints). The loop is {@link Stage4Trainer}, for the shared LM-stage runner to take over.
 */
@Command(name = "stage4", mixinStandardHelpOptions = true,
        description = {"Stage 4: SAPO (soft-gated policy optimisation with group advantages and adaptive KL) on a Stage 3 LALM.",
            "Ctrl-C or SIGTERM stops after the current step with a checkpoint."})
public class TrainStage4Command implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Option(names = "--config", defaultValue = "tiny", paramLabel = "tiny|paper|FILE", description = "named config or a config JSON (default ${DEFAULT-VALUE})")
    String config;

    @Option(names = "--init", required = true, paramLabel = "CHECKPOINT", description = "the Stage 3 LALM checkpoint (the reference policy)")
    Path init;

    @Option(names = "--qa", required = true, paramLabel = "FILE", description = "QA items (notmono.qa/1 JSON lines); the mcq ones are the prompts")
    Path qa;

    @Option(names = "--data", paramLabel = "DIR", description = "folder the items' clip paths are relative to (default: the QA file's folder)")
    Path data;

    @Option(names = "--steps", paramLabel = "N", description = "override the config's number of steps")
    Integer steps;

    @Option(names = "-o", defaultValue = "runs", paramLabel = "RUNS", description = "folder of runs (default ${DEFAULT-VALUE})")
    Path runs;

    @Mixin
    DeviceOption device;

    /** Held while this process trains its run, released when the process ends however it ends. */
    private RunLock lock;

    @Override
    public Integer call() throws IOException {
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
        List<QaItem> items = readItems(qa);
        Path clips = data != null ? data : qa.toAbsolutePath().getParent();
        ObjectNode json = MAPPER.createObjectNode();
        json.set("stage4", sapo.toJson());
        ObjectNode inputs = json.putObject("inputs");
        inputs.put("init", init.toAbsolutePath().toString());
        inputs.put("qa", qa.toAbsolutePath().toString());
        inputs.put("data", clips.toAbsolutePath().toString());
        json.put("gitCommit", BuildInfo.gitCommit());
        json.put("assets", AssetsFingerprint.sha256());
        json.put("device", chosen.toString());
        try (LalmModel model = LalmCheckpoint.load(init, chosen); ClipEncodings encoded = new ClipEncodings(model, clips);
             TerminalProgressBar bar = TerminalProgressBar.onStderr()) {
            RunFolder run = RunFolder.create(runs, "stage4", json);
            lock = RunLock.acquire(run.dir());
            run.log("stage4 computes on " + chosen);
            System.out.println("run " + run.dir());
            try (GracefulStop stop = new GracefulStop()) { // closed after the status is written, so a kill waits for it
                try {
                    Stage4Trainer.Outcome outcome = new Stage4Trainer(sapo, model, items, encoded, run).train(bar, stop);
                    System.out.println((outcome.stopped() ? "stopped at step " : "finished at step ") + outcome.lastStep()
                            + ": " + outcome.lastMetrics());
                } catch (IOException | RuntimeException e) {
                    run.status("failed", 0, 0, String.valueOf(e.getMessage()));
                    throw e;
                }
            }
        }
        return 0;
    }

    private static List<QaItem> readItems(Path file) throws IOException {
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
                try {
                    items.add(QaJson.parse(line));
                } catch (IOException e) {
                    throw new InputException(file + " line " + n + ": " + e.getMessage());
                }
            }
        }
        if (items.stream().noneMatch(q -> q.options() != null)) {
            throw new InputException("--qa " + file + ": no multiple-choice items (make them with notmono qa --kind mcq)");
        }
        return items;
    }
}
