package org.notmono.training.cli;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code notmono train stage3 --config tiny|FILE --data DIR --init CHECKPOINT [--resume RUN] [--device D] -o RUNS}. */
@Command(name = "stage3", mixinStandardHelpOptions = true,
        description = {"Stage 3, SFT: projector and LoRA (r 8, alpha 32) on chain-of-thought answers <think>...</think><answer>...</answer>, loss on reasoning and answer only.",
            "Ctrl-C or SIGTERM stops gracefully: a checkpoint is written and --resume continues the run."})
public class TrainStage3Command extends LmStageCommand {
    @Option(names = "--init", paramLabel = "CHECKPOINT", description = "the last checkpoint of stage2 (runs/stage2-*/checkpoints/step-N)")
    Path init;

    @Override
    String stage() {
        return "stage3";
    }

    @Override
    Path init() {
        return init;
    }
}
