package org.notmono.model.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.notmono.cli.InputException;
import org.notmono.model.lalm.LalmAverage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code notmono average CHECKPOINT... -o DIR}: one LALM checkpoint whose weights are the mean of several. */
@Command(name = "average", mixinStandardHelpOptions = true,
        description = {"Average the weights of LALM checkpoints of one run (e.g. its last few) into one checkpoint.",
            "Each one's LoRA adapters are merged into its decoder, then the decoder's and the projector's weights averaged",
            "(docs/decisions/0016)."})
public class AverageCommand implements Callable<Integer> {
    @Parameters(arity = "2..*", paramLabel = "CHECKPOINT", description = "two or more LALM checkpoint folders (runs/stageN-*/checkpoints/step-N)")
    List<Path> checkpoints;

    @Option(names = "-o", required = true, paramLabel = "DIR", description = "the new folder to write")
    Path out;

    @Override
    public Integer call() {
        try {
            LalmAverage.average(checkpoints, out);
        } catch (IOException e) {
            throw new InputException(e.getMessage(), e);
        }
        System.out.println(out + ": the average of " + checkpoints.size() + " checkpoints, adapters merged");
        return 0;
    }
}
