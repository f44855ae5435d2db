package org.notmono.training.stage1;

import java.io.IOException;
import java.util.List;

import org.notmono.audio.Wav;
import org.notmono.model.encoder.Encoder;
import org.notmono.sim.scene.SlotPrediction;
import org.notmono.sim.scene.metrics.LocalizationMetrics;
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
        int n = Math.min(limit, clips.size());
        LocalizationMetrics metrics = new LocalizationMetrics();
        for (int i = 0; i < n; i++) {
            task.checkCancelled();
            ClipWindow clip = clips.get(i);
            SlotPrediction prediction = encoder.predict(Wav.read(clip.wav()), TaskContext.none());
            metrics.add(prediction, clip.labels().truths());
            task.progress((i + 1) / (double) n, "encoder " + (i + 1) + " / " + n);
        }
        return metrics.summary();
    }
}
