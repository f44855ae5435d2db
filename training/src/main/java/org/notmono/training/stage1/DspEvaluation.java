package org.notmono.training.stage1;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.notmono.audio.AudioClip;
import org.notmono.audio.Wav;
import org.notmono.sim.scene.SlotPrediction;
import org.notmono.sim.scene.metrics.LocalizationMetrics;
import org.notmono.sim.scene.metrics.MetricsBreakdown;
import org.notmono.task.TaskContext;
import org.notmono.viewer.analysis.DspLocalizer;
import org.notmono.viewer.analysis.IntensityField;

/**
 * The DSP localizer (the viewer's intensity-vector baseline) on whole dataset clips, as
 * {@code notmono analyze} runs it, scored by the shared metrics.
 */
public final class DspEvaluation {
    private static final int CHUNK = 16;

    private DspEvaluation() {
    }

    /** The localizer's predictions of the first {@code limit} clips against their truths. */
    public static LocalizationMetrics.Summary run(List<ClipWindow> windows, int limit, int threads, TaskContext task)
            throws InterruptedException {
        return run(windows, null, limit, threads, task).overall();
    }

    /** The same, broken down by number of sources and by the clips' {@code groups} (null: number of sources only). */
    public static MetricsBreakdown run(List<ClipWindow> windows, List<Map<String, String>> groups, int limit, int threads,
                                       TaskContext task) throws InterruptedException {
        int n = Math.min(limit, windows.size());
        SlotPrediction[] predictions = new SlotPrediction[n];
        AtomicInteger done = new AtomicInteger();
        DspLocalizer localizer = new DspLocalizer(DspLocalizer.MAX_COUNT);
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try {
            pool.submit(() -> IntStream.range(0, (n + CHUNK - 1) / CHUNK).parallel().forEach(chunk -> {
                for (int i = chunk * CHUNK; i < Math.min(n, (chunk + 1) * CHUNK); i++) {
                    task.checkCancelled();
                    predictions[i] = localizer.localize(IntensityField.compute(read(windows.get(i)), TaskContext.none()));
                    int d = done.incrementAndGet();
                    task.progress(d / (double) n, "DSP localizer " + d + " / " + n);
                }
            })).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        MetricsBreakdown metrics = new MetricsBreakdown();
        for (int i = 0; i < n; i++) {
            metrics.add(predictions[i], windows.get(i).labels().truths(), groups == null ? Map.of() : groups.get(i));
        }
        return metrics;
    }

    private static AudioClip read(ClipWindow clip) {
        try {
            return Wav.read(clip.wav());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
