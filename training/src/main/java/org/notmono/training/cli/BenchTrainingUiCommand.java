package org.notmono.training.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.notmono.training.monitor.ui.TrainingUiProbe;
import org.notmono.training.run.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code notmono bench training-ui}: the Training workspace on R runs of S steps each (Stage 1's
 * metrics, validation every 250 steps), while every run gains ten steps a second; prints the
 * load time, the frame times and the chart redraw times. Needs a display (xvfb-run works).
 */
@Command(name = "training-ui", mixinStandardHelpOptions = true,
        description = "Time the Training workspace's charts with many long runs (needs a display, e.g. xvfb-run).")
public class BenchTrainingUiCommand implements Callable<Integer> {
    private static final String[] TRAIN = {"loss", "direction", "distance", "class", "existence", "room_surface",
        "room_absorption", "grad_norm", "samples_per_second", "learning_rate"};
    private static final String[] VAL = {"loss", "count_accuracy", "angular_error_deg", "distance_error_m", "class_accuracy", "f20"};

    @Option(names = "--runs", defaultValue = "10", paramLabel = "R")
    int runs;

    @Option(names = "--steps", defaultValue = "5000", paramLabel = "S")
    int steps;

    @Option(names = "--live", defaultValue = "10", paramLabel = "SECONDS", description = "how long steps keep arriving (default ${DEFAULT-VALUE})")
    int live;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path root = Files.createTempDirectory("notmono-bench-runs");
        try {
            List<RunFolder> folders = new ArrayList<>();
            long[] next = new long[runs];
            for (int r = 0; r < runs; r++) {
                RunFolder run = RunFolder.create(root, "stage1", new ObjectMapper().createObjectNode().put("run", r));
                run.plannedSteps(steps * 2L);
                for (int s = 1; s <= steps; s++) {
                    run.metrics(s, s / 500, metrics(r, s));
                }
                run.status("running", steps, 0, "bench");
                folders.add(run);
                next[r] = steps + 1;
            }
            System.out.printf(Locale.ROOT, "%d runs x %d steps, %d + %d metrics (validation every 250 steps)%n", runs, steps,
                    TRAIN.length, VAL.length);
            Runnable append = () -> {
                try {
                    for (int r = 0; r < runs; r++) {
                        folders.get(r).metrics(next[r], 0, metrics(r, (int) next[r]));
                        next[r]++;
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            TrainingUiProbe.Result res = TrainingUiProbe.measure(root, runs, steps, append, live, 1600, 1000);
            System.out.printf(Locale.ROOT, "open until every curve is drawn: %.0f ms (%d charts)%n", res.loadMillis(), res.metrics());
            System.out.printf(Locale.ROOT, "while %d runs gain 10 steps/s for %d s: %d frames, median %.1f ms, p99 %.1f ms, longest %.1f ms%n",
                    runs, live, res.frames(), res.medianFrameMillis(), res.p99FrameMillis(), res.longestFrameMillis());
            System.out.printf(Locale.ROOT, "chart grid redraws: %d, median %.1f ms, longest %.1f ms%n", res.redraws(),
                    res.medianRedrawMillis(), res.longestRedrawMillis());
            System.out.printf(Locale.ROOT, "FX thread busy about %.0f%% of the time, longest wait of a posted event %.0f ms%n",
                    100 * res.fxBusyShare(), res.longestEventWaitMillis());
        } finally {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return 0;
    }

    /** A loss falling like 1/sqrt(step) with noise; validation metrics every 250 steps. */
    private static Map<String, Float> metrics(int run, int step) {
        Random random = new Random(run * 1_000_003L + step);
        Map<String, Float> m = new LinkedHashMap<>();
        for (String k : TRAIN) {
            m.put("train/" + k, (float) ((1 + run * 0.1) / Math.sqrt(step) * (1 + 0.2 * random.nextGaussian())));
        }
        if (step % 250 == 0) {
            for (String k : VAL) {
                m.put("val/" + k, (float) (0.5 + 0.3 * (1 - Math.exp(-step / 2000.0)) + 0.02 * random.nextGaussian()));
            }
        }
        return m;
    }
}
