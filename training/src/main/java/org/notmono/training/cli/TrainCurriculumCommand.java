package org.notmono.training.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import ai.djl.Device;
import org.notmono.model.cli.DeviceOption;
import org.notmono.training.curriculum.Curriculum;
import org.notmono.training.curriculum.CurriculumConfig;
import org.notmono.training.run.GracefulStop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code notmono train curriculum --config tiny|FILE --data DIR [--encoder DIR] [--device D] -o RUNS}. */
@Command(name = "curriculum", mixinStandardHelpOptions = true,
        description = {"Run the curriculum after the encoder in order (Stage 0, 2, 3, 4).",
            "Each stage trains in its own run folder under RUNS, starting from the one before; a finished stage is skipped and an unfinished one resumed from its last checkpoint,",
            "so running the command again continues where it stopped. Ctrl-C or SIGTERM stops the current stage with a checkpoint."})
public class TrainCurriculumCommand implements Callable<Integer> {
    @Option(names = "--config", defaultValue = "tiny", paramLabel = "tiny|FILE",
            description = "named curriculum config or a config JSON (default ${DEFAULT-VALUE})")
    String config;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "training dataset made by 'notmono dataset' (seed below 100000)")
    Path data;

    @Option(names = "--encoder", paramLabel = "DIR", description = "the Stage 1 encoder checkpoint (default: the shipped encoder-tiny)")
    Path encoder;

    @Option(names = "-o", defaultValue = "runs", paramLabel = "RUNS", description = "folder of runs (default ${DEFAULT-VALUE})")
    Path runs;

    @Mixin
    DeviceOption device;

    @Override
    public Integer call() throws IOException {
        CurriculumConfig c = CurriculumConfig.resolve(config);
        EngineSetup.threads(c.threads());
        Device chosen = device.device();
        try (GracefulStop stop = new GracefulStop()) {
            Curriculum.Outcome o = Curriculum.run(c, data, encoder != null ? encoder : LmStageCommand.shippedEncoder(), runs, chosen,
                    stop, System.out::println);
            System.out.println(o.stoppedIn() != null ? "stopped in " + o.stoppedIn() : "curriculum done: " + o.lastCheckpoint());
        }
        return 0;
    }
}
