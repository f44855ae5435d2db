package org.notmono.sim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.notmono.cli.InputException;
import org.notmono.sim.dataset.DatasetBuilder;
import org.notmono.sim.dataset.DatasetConfig;
import org.notmono.sim.sources.ClipLibraries;
import org.notmono.task.TerminalProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code notmono dataset --seed S --count N [--duration SEC] -o DIR}. */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = "Render N random scenes into shards with their RTSDs; run again to resume after an interruption.")
public class DatasetCommand implements Callable<Integer> {

    @Option(names = "--seed", required = true, paramLabel = "S")
    long seed;

    @Option(names = "--count", required = true, paramLabel = "N")
    int count;

    @Option(names = "--duration", defaultValue = "4.0", paramLabel = "SEC", description = "seconds per scene (default ${DEFAULT-VALUE})")
    double duration;

    @Option(names = "--shard-size", defaultValue = "" + DatasetConfig.DEFAULT_SHARD_SIZE, paramLabel = "K",
            description = "scenes per shard (default ${DEFAULT-VALUE})")
    int shardSize;

    @Option(names = "--themed", defaultValue = "" + DatasetConfig.DEFAULT_THEMED_SHARE, paramLabel = "P",
            description = "share of themed scenes (kitchen, office, street...; assets/themes.json), 0 to 1 (default ${DEFAULT-VALUE})")
    double themed;

    @Option(names = "--threads", paramLabel = "T", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "-o", required = true, paramLabel = "DIR")
    Path out;

    @Override
    public Integer call() throws IOException {
        DatasetConfig config;
        try {
            config = new DatasetConfig(seed, count, duration, shardSize, themed);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        long start = System.nanoTime();
        DatasetBuilder.Outcome outcome;
        try (TerminalProgressBar bar = TerminalProgressBar.onStderr()) {
            outcome = new DatasetBuilder(config, ClipLibraries.standard(), t).build(out, bar);
        }
        System.out.printf(Locale.ROOT, "%s: %d scenes in %d shards (%d made now, %d already there) in %.1f s%n", out,
                outcome.items(), config.shards(), outcome.shardsMade(), outcome.shardsSkipped(), (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
