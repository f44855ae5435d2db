package org.notmono.training.stage1;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.notmono.audio.Wav;
import org.notmono.model.encoder.Encoder;
import org.notmono.sim.scene.SlotPrediction;
import org.notmono.sim.scene.metrics.LocalizationMetrics;
import org.notmono.sim.scene.metrics.MetricsBreakdown;
import org.notmono.task.TaskContext;

/**
 * Scores {@link Encoder#predict} on whole dataset clips with the shared metrics: the path the
 * app and {@code notmono encode} take, so {@code eval encoder} reports what users get.
 */
public final class PredictionEvaluation {

    private PredictionEvaluation() {
    }

    /** The clip-level predictions of the first {@code limit} clips against their truths. */
    public static LocalizationMetrics.Summary run(Encoder encoder, List<ClipWindow> clips, int limit, TaskContext task)
            throws IOException {
        return run(encoder, clips, null, limit, task).overall();
    }

    /**
     * The same, broken down by number of sources and by the clips' {@code groups} (one map per
     * clip, see {@link MetricsBreakdown#add}; null for the number of sources only).
     */
    public static MetricsBreakdown run(Encoder encoder, List<ClipWindow> clips, List<Map<String, String>> groups, int limit,
                                       TaskContext task) throws IOException {
        int n = Math.min(limit, clips.size());
        MetricsBreakdown metrics = new MetricsBreakdown();
        for (int i = 0; i < n; i++) {
            task.checkCancelled();
            ClipWindow clip = clips.get(i);
            SlotPrediction prediction = encoder.predict(Wav.read(clip.wav()), TaskContext.none());
            metrics.add(prediction, clip.labels().truths(), groups == null ? Map.of() : groups.get(i));
            task.progress((i + 1) / (double) n, "encoder " + (i + 1) + " / " + n);
        }
        return metrics;
    }
}
