package org.notmono.training.stage1;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDManager;
import org.notmono.model.encoder.ClipFeatures;
import org.notmono.model.encoder.EncoderModel;
import org.notmono.model.encoder.EncoderOutput;
import org.notmono.model.encoder.FeatureBatch;
import org.notmono.model.encoder.SlotDecoding;
import org.notmono.sim.scene.Slot;
import org.notmono.sim.scene.SlotPrediction;
import org.notmono.sim.scene.metrics.LocalizationMetrics;
import org.notmono.task.TaskContext;

/** Runs an encoder over examples in inference mode: the shared metrics and the mean Stage 1 loss terms. */
public final class EncoderEvaluation {
    private final EncoderModel model;
    private final Stage1Loss loss;
    private final int batchSize;

    public EncoderEvaluation(EncoderModel model, LossWeights weights, int batchSize) {
        this.model = model;
        this.loss = new Stage1Loss(weights);
        this.batchSize = batchSize;
    }

    /** Metrics and mean loss terms over the first {@code limit} examples. */
    public record Result(LocalizationMetrics.Summary metrics, Map<String, Float> losses) {
    }

    public Result run(ExampleSet examples, int limit, TaskContext task) throws IOException {
        int n = Math.min(limit, examples.size());
        LocalizationMetrics metrics = new LocalizationMetrics();
        Map<String, Float> sums = new LinkedHashMap<>();
        int batches = 0;
        for (int first = 0; first < n; first += batchSize) {
            task.checkCancelled();
            List<ClipFeatures> features = new ArrayList<>();
            List<SceneLabels> labels = new ArrayList<>();
            for (int i = first; i < Math.min(n, first + batchSize); i++) {
                features.add(examples.features(i));
                labels.add(examples.labels(i));
            }
            try (NDManager step = model.manager().newSubManager()) {
                FeatureBatch batch = FeatureBatch.of(step, features);
                EncoderOutput out = model.forward(batch.map(), batch.logMel(), false);
                loss.compute(out, labels).values().forEach((k, v) -> sums.merge(k, v, Float::sum));
                List<List<Slot>> slots = SlotDecoding.decode(out, model.classes());
                for (int i = 0; i < labels.size(); i++) {
                    metrics.add(SlotPrediction.of(slots.get(i)), labels.get(i).truths());
                }
            }
            batches++;
            task.progress(Math.min(n, first + batchSize) / (double) n, "evaluating " + Math.min(n, first + batchSize) + " / " + n);
        }
        int count = batches;
        sums.replaceAll((k, v) -> v / count);
        return new Result(metrics.summary(), sums);
    }
}
