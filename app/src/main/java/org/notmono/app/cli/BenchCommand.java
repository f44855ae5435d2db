package org.notmono.app.cli;

import picocli.CommandLine.Command;

import org.notmono.sim.cli.SimBenchCommand;
import org.notmono.viewer.cli.ViewerBenchCommand;

/** {@code notmono bench <what>}: benchmarks that time warm, in one process, and print medians. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks: print medians of warm runs (see docs/benchmarks.md).",
        subcommands = {
            SimBenchCommand.class,
            ViewerBenchCommand.class,
            org.notmono.training.cli.BenchEncoderCommand.class,
            BenchFuzzCommand.class,
            org.notmono.training.cli.BenchAsaCommand.class,
            org.notmono.training.cli.BenchAsaTableCommand.class,
            org.notmono.training.cli.BenchQaCommand.class,
            org.notmono.training.cli.BenchTrainingUiCommand.class,
            org.notmono.training.cli.BenchSapoCommand.class,
            org.notmono.model.cli.ChatBenchCommand.class,
        })
public class BenchCommand {
}
