package org.notmono.training.monitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * Watches a runs folder: each poll lists the run folders, reads their status (with the process
 * table) and checkpoints, and the metrics lines added since the last poll. Runs started from
 * the command line appear the same way as runs the app launched.
 */
public final class RunMonitor {
    private final LongPredicate alive;
    private final Map<Path, MetricsTail> tails = new HashMap<>();
    private Path root;

    /** What a poll found about one run. */
    public record Snapshot(Path dir, RunStatus status, List<Long> checkpoints, MetricsTail.Update metrics) {
    }

    public RunMonitor(Path root, LongPredicate alive) {
        this.root = root;
        this.alive = alive;
    }

    /** Watches another folder from the next poll on (every run is read from its start again). */
    public synchronized void setRoot(Path root) {
        this.root = root;
        tails.clear();
    }

    public synchronized Path root() {
        return root;
    }

    /** Forgets how far a run's metrics were read, so the next poll returns all of them. */
    public synchronized void reread(Path run) {
        tails.remove(run);
    }

    /** One snapshot per run folder now under the root, by name. A run that cannot be read is skipped this time. */
    public synchronized List<Snapshot> poll() throws IOException {
        List<Path> runs = RunsRoot.runs(root);
        tails.keySet().retainAll(runs);
        List<Snapshot> out = new ArrayList<>();
        for (Path run : runs) {
            try {
                RunStatus status = RunStatus.read(run, alive);
                MetricsTail tail = tails.computeIfAbsent(run, r -> new MetricsTail(r.resolve("metrics.jsonl")));
                out.add(new Snapshot(run, status, RunsRoot.checkpoints(run), tail.poll()));
            } catch (IOException | UncheckedIOException e) {
                // deleted or half-written between the listing and the read: the next poll sees it whole
            }
        }
        return out;
    }
}
