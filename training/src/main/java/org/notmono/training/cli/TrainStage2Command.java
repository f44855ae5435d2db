package org.notmono.training.cli;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code notmono train stage2 --config tiny|FILE --data DIR --init CHECKPOINT [--resume RUN] [--device D] -o RUNS}. */
@Command(name = "stage2", mixinStandardHelpOptions = true,
        description = {"Stage 2, alignment: encoder and decoder frozen, the projector alone learns open questions and \"Describe the scene.\" from the clips (encoder outputs cached beside the dataset).",
            "Ctrl-C or SIGTERM stops gracefully: a checkpoint is written and --resume continues the run."})
public class TrainStage2Command extends LmStageCommand {
    @Option(names = "--init", paramLabel = "CHECKPOINT", description = "the last checkpoint of stage0 (runs/stage0-*/checkpoints/step-N)")
    Path init;

    @Override
    String stage() {
        return "stage2";
    }

    @Override
    Path init() {
        return init;
    }
}
