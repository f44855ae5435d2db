package org.notmono.training.cli;

import java.io.IOException;
import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code notmono train stage0 --config tiny|FILE --data DIR [--encoder DIR] [--resume RUN] [--device D] -o RUNS}. */
@Command(name = "stage0", mixinStandardHelpOptions = true,
        description = {"Stage 0 (ours): train the tokenizer, then the decoder from scratch and the projector, on the training scenes:"
                + " scene paragraphs, and questions answered from a scene description given in the prompt and heard from the"
                + " scene's true sources in the encoder's output shape (docs/decisions/0002).",
            "Ctrl-C or SIGTERM stops gracefully: a checkpoint is written and --resume continues the run."})
public class TrainStage0Command extends LmStageCommand {
    @Option(names = "--encoder", paramLabel = "DIR", description = "the Stage 1 encoder checkpoint (default: the shipped encoder-tiny)")
    Path encoder;

    @Override
    String stage() {
        return "stage0";
    }

    @Override
    Path init() {
        return null;
    }

    @Override
    Path encoder() throws IOException {
        return encoder != null || resume != null ? encoder : shippedEncoder();
    }
}
