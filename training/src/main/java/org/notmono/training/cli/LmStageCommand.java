package org.notmono.training.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import ai.djl.Device;
import org.notmono.cli.InputException;
import org.notmono.model.cli.DeviceOption;
import org.notmono.model.encoder.ShippedCheckpoint;
import org.notmono.training.curriculum.CurriculumConfig;
import org.notmono.training.run.GracefulStop;
import org.notmono.training.curriculum.LmStageRunner;
import org.notmono.training.curriculum.SupervisedStage;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options and the run of {@code notmono train stage0|stage2|stage3}. */
abstract class LmStageCommand implements Callable<Integer> {
    @Option(names = "--config", defaultValue = "tiny", paramLabel = "tiny|FILE",
            description = "named curriculum config or a config JSON (default ${DEFAULT-VALUE})")
    String config;

    @Option(names = "--data", paramLabel = "DIR", description = "training dataset made by 'notmono dataset' (seed below 100000)")
    Path data;

    @Option(names = "--resume", paramLabel = "RUN", description = "continue this run folder from its last checkpoint")
    Path resume;

    @Option(names = "-o", defaultValue = "runs", paramLabel = "RUNS", description = "folder of runs (default ${DEFAULT-VALUE})")
    Path runs;

    @Mixin
    DeviceOption device;

    /** This command's stage id, e.g. {@code stage2}. */
    abstract String stage();

    /** The checkpoint the stage starts from (null for Stage 0). */
    abstract Path init();

    /** The encoder checkpoint (Stage 0 only; later stages hear through their init's encoder). */
    Path encoder() throws IOException {
        return null;
    }

    @Override
    public Integer call() throws IOException {
        CurriculumConfig c = CurriculumConfig.resolve(config);
        EngineSetup.threads(c.threads());
        Device chosen = device.device(); // before the inputs are read: a missing GPU is said at once
        try (GracefulStop stop = new GracefulStop()) {
            SupervisedStage.Result result = SupervisedStage.run(
                    new SupervisedStage.Request(stage(), c, data, init(), encoder(), resume, runs, chosen), stop);
            report(result);
        }
        return 0;
    }

    static void report(SupervisedStage.Result result) {
        LmStageRunner.Outcome o = result.outcome();
        System.out.println("run " + result.run());
        String metrics = o.stopped() && o.lastMetrics().isEmpty()
                ? " while setting up, before its next step; resume with --resume " + result.run() : ": " + o.lastMetrics();
        System.out.println((o.stopped() ? "stopped at step " : "finished at step ") + o.lastStep() + metrics);
    }

    /** The shipped {@code encoder-tiny}, for when no --encoder is given. */
    static Path shippedEncoder() throws IOException {
        return ShippedCheckpoint.extract().orElseThrow(() -> new InputException(
                "no shipped encoder in the assets: pass --encoder DIR (a Stage 1 checkpoint)"));
    }
}
