package org.notmono.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.notmono.app.fuzz.CliFuzzer;
import org.notmono.app.fuzz.FuzzReport;
import org.notmono.app.fuzz.FuzzResult;
import org.notmono.app.fuzz.LanguageFuzzCases;
import org.notmono.app.fuzz.LanguageInputs;
import org.notmono.cli.InputException;
import org.notmono.sim.render.RenderOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code notmono bench fuzz}: runs the seeded CLI fuzz cases in this process and prints the outcomes per command. */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = {"Run N fuzzed command lines (mutated WAVs, scenes, options and output paths) in this process.",
            "It prints how each command ended: exit 2 with one line and exit 0 with finite output keep the contract.",
            "With --language: mutated LALM and encoder checkpoints, ask --batch files and ASA benchmark folders."})
public class BenchFuzzCommand implements Callable<Integer> {

    @Option(names = "--seed", defaultValue = "17", description = "seed of the cases (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--cases", defaultValue = "300", paramLabel = "N", description = "number of cases (default ${DEFAULT-VALUE})")
    int cases;

    @Option(names = "--budget", defaultValue = "60", paramLabel = "SEC",
            description = "seconds one case may take before it counts as a hang (default ${DEFAULT-VALUE})")
    int budget;

    @Option(names = "--language", description = "fuzz the language side's inputs (checkpoints, batch files, benchmark folders)")
    boolean language;

    @Override
    public Integer call() throws IOException {
        if (cases < 1 || budget < 1) {
            throw new InputException("--cases and --budget must be at least 1");
        }
        Path work = Files.createTempDirectory("notmono-fuzz");
        FuzzReport report;
        try {
            CliFuzzer fuzzer = new CliFuzzer(Duration.ofSeconds(budget));
            report = language ? fuzzer.run(seed, new LanguageFuzzCases(seed, LanguageInputs.create(work.resolve("base"))), 0, cases, work)
                    : fuzzer.run(seed, 0, cases, work);
        } finally {
            RenderOutput.deleteRecursively(work);
        }
        System.out.printf(Locale.ROOT, "%d fuzzed %scommand lines, seed %d, in process, budget %d s per case; %s%n",
                cases, language ? "language-side " : "", seed, budget, report.timing());
        System.out.print(report.table());
        for (FuzzResult f : report.slowest(3)) {
            System.out.printf(Locale.ROOT, "slow: %d ms %s%n", f.millis(), f.fuzzCase());
        }
        for (FuzzResult f : report.failures()) {
            System.out.println("FAILED " + f.fuzzCase() + " -> " + f.outcome().label() + ": " + f.problem());
        }
        return 0;
    }
}
