package org.notmono.training.stage1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.model.encoder.ClipFeatures;
import org.notmono.model.encoder.EncoderModel;
import org.notmono.task.TaskContext;
import org.notmono.training.run.RunFolder;

/** A NaN in one batch must not poison the weights; NaNs that persist stop the run with a clear message. */
class NonFiniteStepTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    static final RenderedStage1Data SCENES = new RenderedStage1Data(4);

    @TempDir
    Path runs;

    /** The examples with a NaN in every feature map. */
    private record Poisoned(ExampleSet inner) implements ExampleSet {
        @Override
        public int size() {
            return inner.size();
        }

        @Override
        public SceneLabels labels(int index) {
            return inner.labels(index);
        }

        @Override
        public ClipFeatures features(int index) throws IOException {
            ClipFeatures f = inner.features(index);
            float[] map = f.map().clone();
            map[map.length / 2] = Float.NaN;
            return new ClipFeatures(f.frames(), f.bins(), f.melBands(), map, f.logMel());
        }
    }

    @Test
    void aNonFiniteStepIsSkippedLoggedAndLeavesEveryWeightAsItWas() throws IOException {
        Stage1Config config = TinyDatasets.config(1, 100);
        RunFolder run = RunFolder.create(runs, "stage1", config.toJson());
        try (EncoderModel model = EncoderModel.create(config.encoder(), TinyDatasets.VOCABULARY, 1, Device.cpu());
             EncoderModel fresh = EncoderModel.create(config.encoder(), TinyDatasets.VOCABULARY, 1, Device.cpu())) {
            new Stage1Trainer(config, model, new Poisoned(SCENES.data().train()), SCENES.data().order(), null, run, Map.of())
                    .train(0, TaskContext.none(), () -> true); // one step, then a graceful stop
            var trained = model.block().getParameters();
            var initial = fresh.block().getParameters();
            for (int i = 0; i < trained.size(); i++) {
                // running statistics included: the forward pass's update of them is undone
                assertArrayEquals(initial.get(i).getValue().getArray().toFloatArray(),
                        trained.get(i).getValue().getArray().toFloatArray(), trained.get(i).getKey());
            }
        }
        JsonNode record = MAPPER.readTree(Files.readAllLines(run.dir().resolve("metrics.jsonl")).getFirst());
        assertEquals(1, record.path("metrics").path("train/non_finite").asInt());
        assertTrue(record.path("metrics").path("train/loss").isNull(), "the NaN loss is recorded as null");
        assertTrue(Files.readString(run.dir().resolve("log.txt")).contains("step 1: non-finite loss or gradient"));
    }

    @Test
    void repeatedNonFiniteStepsStopTheRunSayingWhy() throws IOException {
        Stage1Config config = TinyDatasets.config(4, 100); // 8 steps
        RunFolder run = RunFolder.create(runs, "stage1", config.toJson());
        try (EncoderModel model = EncoderModel.create(config.encoder(), TinyDatasets.VOCABULARY, 1, Device.cpu())) {
            Stage1Trainer trainer = new Stage1Trainer(config, model, new Poisoned(SCENES.data().train()), SCENES.data().order(), null, run, Map.of());
            NonFiniteTrainingException e = assertThrows(NonFiniteTrainingException.class,
                    () -> trainer.train(0, TaskContext.none(), () -> false));
            assertTrue(e.getMessage().startsWith(Stage1Trainer.MAX_CONSECUTIVE_NON_FINITE + " steps in a row had a non-finite"),
                    e.getMessage());
        }
        assertEquals(Stage1Trainer.MAX_CONSECUTIVE_NON_FINITE, Files.readAllLines(run.dir().resolve("metrics.jsonl")).size());
        JsonNode status = MAPPER.readTree(run.dir().resolve("status.json").toFile());
        assertEquals("failed", status.path("state").asText());
        assertTrue(status.path("message").asText().contains("Lower the learning rate"), status.toString());
    }
}
