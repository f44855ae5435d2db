package org.notmono.training.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.notmono.cli.InputException;
import org.notmono.sim.sources.ClipLibraries;
import org.notmono.task.TerminalProgressBar;
import org.notmono.training.benchmark.BenchmarkBuilder;
import org.notmono.training.benchmark.BenchmarkPlan;
import org.notmono.training.qa.QaVocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code notmono benchmark build --seed S -o DIR}. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the ASA benchmark from held-out scenes (seed >= 100000): items.jsonl, rtsd.jsonl, rendered clips/ "
                + "and benchmark.json. The same seed gives the same bytes.")
public class BenchmarkBuildCommand implements Callable<Integer> {

    @Option(names = "--seed", required = true, paramLabel = "S", description = "held-out seed, >= 100000")
    long seed;

    @Option(names = "--items", defaultValue = "1000", paramLabel = "N",
            description = "items, split over levels and families in TWNM's proportions (default ${DEFAULT-VALUE})")
    int items;

    @Option(names = "--threads", paramLabel = "T", description = "render threads (default: all cores)")
    Integer threads;

    @Option(names = "-o", required = true, paramLabel = "DIR")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (items < 18) {
            throw new InputException("--items must be at least 18 (one per family), got " + items);
        }
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        long start = System.nanoTime();
        BenchmarkBuilder.Outcome outcome;
        try (TerminalProgressBar bar = TerminalProgressBar.onStderr()) {
            outcome = new BenchmarkBuilder(ClipLibraries.standard(), QaVocabulary.fromAssets(), t)
                    .build(seed, BenchmarkPlan.twnm(items), out, bar);
        }
        System.out.printf(Locale.ROOT, "%s: %d items from %d rendered scenes in %.1f s%n", out, outcome.items(), outcome.scenes(),
                (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
