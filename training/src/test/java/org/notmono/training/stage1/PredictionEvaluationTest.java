package org.notmono.training.stage1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.audio.Wav;
import org.notmono.model.encoder.Encoder;
import org.notmono.model.encoder.EncoderModel;
import org.notmono.model.encoder.EncoderOutput;
import org.notmono.model.encoder.FeatureBatch;
import org.notmono.model.encoder.SlotDecoding;
import org.notmono.sim.scene.Slot;
import org.notmono.sim.scene.SlotPrediction;
import org.notmono.sim.scene.metrics.LocalizationMetrics;
import org.notmono.task.TaskContext;

/** What users get ({@link Encoder#predict} on a clip) is what training and validation see (the feature cache). */
class PredictionEvaluationTest {

    @Test
    void predictGivesTheSlotsOfTheTrainingFeatures(@TempDir Path dir) throws IOException {
        Path dataset = TinyDatasets.build(dir.resolve("data"), 100003, 4);
        SimDataset sim = SimDataset.open(dataset, TinyDatasets.VOCABULARY);
        Stage1Config config = TinyDatasets.config(1, 1);
        FeatureStore store = FeatureStore.open(dir.resolve("cache"), sim.windows(), config.encoder(), TinyDatasets.SECONDS, 1,
                TaskContext.none());
        EncoderModel model = EncoderModel.create(config.encoder(), TinyDatasets.VOCABULARY, 5, Device.cpu());
        try (Encoder encoder = new Encoder(model, TinyDatasets.SECONDS)) {
            LocalizationMetrics cached = new LocalizationMetrics();
            for (int i = 0; i < sim.windows().size(); i++) {
                List<Slot> training;
                try (NDManager step = model.manager().newSubManager()) {
                    FeatureBatch batch = FeatureBatch.of(step, List.of(store.features(i)));
                    EncoderOutput out = model.forward(batch.map(), batch.logMel(), false);
                    training = SlotDecoding.decode(out, model.classes()).getFirst();
                }
                List<Slot> predicted = encoder.predict(Wav.read(sim.windows().get(i).wav())).slots();
                assertEquals(training.size(), predicted.size());
                for (int s = 0; s < training.size(); s++) {
                    Slot a = training.get(s);
                    Slot b = predicted.get(s);
                    // the same features; batching windows may change the last float digits
                    assertEquals(a.azimuth(), b.azimuth(), 1e-3, "clip " + i + " slot " + s);
                    assertEquals(a.elevation(), b.elevation(), 1e-3);
                    assertEquals(a.distance(), b.distance(), 1e-4);
                    assertEquals(a.existence(), b.existence(), 1e-5);
                    assertEquals(a.classId(), b.classId());
                }
                cached.add(SlotPrediction.of(training), sim.windows().get(i).labels().truths());
            }
            LocalizationMetrics.Summary users = PredictionEvaluation.run(encoder, sim.windows(), 100, TaskContext.none());
            assertEquals(cached.summary().countAccuracy(), users.countAccuracy());
            assertEquals(cached.summary().angularErrorDeg(), users.angularErrorDeg(), 1e-3);
        }
    }
}
