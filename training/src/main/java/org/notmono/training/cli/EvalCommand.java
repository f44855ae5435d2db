package org.notmono.training.cli;

import picocli.CommandLine.Command;

/** {@code notmono eval <what>}: evaluations on held-out data. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a model on held-out data (seeds >= 100000).",
        subcommands = {EvalEncoderCommand.class, EvalDistanceOracleCommand.class})
public class EvalCommand {
}
