package org.notmono.training.cli;

import picocli.CommandLine.Command;

/** {@code notmono benchmark <what>}: the ASA benchmark. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "The ASA benchmark of TWNM (1,000 multiple-choice questions over 18 task families).",
        subcommands = {BenchmarkBuildCommand.class})
public class BenchmarkCommand {
}
