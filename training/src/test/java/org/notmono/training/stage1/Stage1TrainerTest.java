package org.notmono.training.stage1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.model.encoder.EncoderCheckpoint;
import org.notmono.model.encoder.EncoderModel;
import org.notmono.model.train.NamedAdam;
import org.notmono.task.TaskContext;
import org.notmono.training.run.RunFolder;

/** Real training steps on WAVs the simulator renders. */
class Stage1TrainerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    static final RenderedStage1Data SCENES = new RenderedStage1Data(3);

    @TempDir
    Path runs;

    @Test
    void aFewStepsLowerTheLoss() throws IOException {
        Stage1Config config = TinyDatasets.config(10, 1000);
        RunFolder run = RunFolder.create(runs, "stage1", config.toJson());
        try (EncoderModel model = EncoderModel.create(config.encoder(), TinyDatasets.VOCABULARY, 1, Device.cpu())) {
            EncoderEvaluation evaluation = new EncoderEvaluation(model, config.loss(), 4);
            float before = evaluation.run(SCENES.data().train(), 8, TaskContext.none()).losses().get("loss");
            Stage1Trainer trainer = new Stage1Trainer(config, model, SCENES.data().train(), SCENES.data().order(), null, run, Map.of());
            assertEquals(20, trainer.totalSteps());
            trainer.train(0, TaskContext.none(), () -> false);
            float after = evaluation.run(SCENES.data().train(), 8, TaskContext.none()).losses().get("loss");
            assertTrue(after < 0.8 * before, "loss on the training scenes " + before + " -> " + after);
        }
        assertEquals("finished", MAPPER.readTree(run.dir().resolve("status.json").toFile()).path("state").asText());
        assertTrue(Files.isRegularFile(run.checkpoint(20).resolve("model.json")), "a checkpoint at the end");
    }

    @Test
    void aStoppedRunResumesWithTheStepCountContinuing() throws IOException {
        Stage1Config config = TinyDatasets.config(3, 4);
        RunFolder run = RunFolder.create(runs, "stage1", config.toJson());
        AtomicInteger asked = new AtomicInteger();
        try (EncoderModel model = EncoderModel.create(config.encoder(), TinyDatasets.VOCABULARY, 1, Device.cpu())) {
            Stage1Trainer first = new Stage1Trainer(config, model, SCENES.data().train(), SCENES.data().order(), null, run, Map.of());
            Stage1Trainer.Outcome stopped = first.train(0, TaskContext.none(), () -> asked.incrementAndGet() >= 3);
            assertTrue(stopped.stopped());
            assertEquals(3, stopped.lastStep());
        }
        assertEquals("stopped", MAPPER.readTree(run.dir().resolve("status.json").toFile()).path("state").asText());
        // a step logged after the checkpoint (as a kill would leave it) must not appear twice
        run.metrics(4, 1, Map.of("train/loss", 9f));
        RunFolder reopened = RunFolder.open(run.dir());
        long step = reopened.latestCheckpointStep().orElseThrow();
        assertEquals(3, step, "the graceful stop wrote a checkpoint");
        try (EncoderModel model = EncoderCheckpoint.load(reopened.checkpoint(step), config.encoder(), Device.cpu())) {
            Stage1Trainer second = new Stage1Trainer(config, model, SCENES.data().train(), SCENES.data().order(), null, reopened, Map.of());
            Stage1Trainer.Outcome done = second.train(step, TaskContext.none(), () -> false);
            assertFalse(done.stopped());
            assertEquals(6, done.lastStep());
        }
        List<String> lines = Files.readAllLines(run.dir().resolve("metrics.jsonl"));
        assertEquals(6, lines.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode record = MAPPER.readTree(lines.get(i));
            assertEquals(i + 1, record.path("globalStep").asInt());
            assertEquals("stage1", record.path("stage").asText());
            assertTrue(record.path("metrics").path("train/loss").isNumber());
            assertTrue(record.path("metrics").path("train/loss").floatValue() != 9f, "the orphan step 4 was replaced");
        }
        assertEquals(1, MAPPER.readTree(lines.get(3)).path("epoch").asInt(), "2 steps per epoch: step 4 ends epoch 1 (from 0)");
    }

    @Test
    void aResumedRunEndsWhereAnUnbrokenOneDoes() throws IOException {
        Stage1Config config = TinyDatasets.config(3, 100);
        RunFolder unbroken = RunFolder.create(runs, "unbroken", config.toJson());
        try (EncoderModel model = EncoderModel.create(config.encoder(), TinyDatasets.VOCABULARY, 1, Device.cpu())) {
            new Stage1Trainer(config, model, SCENES.data().train(), SCENES.data().order(), null, unbroken, Map.of())
                    .train(0, TaskContext.none(), () -> false);
        }
        RunFolder broken = RunFolder.create(runs, "broken", config.toJson());
        AtomicInteger asked = new AtomicInteger();
        try (EncoderModel model = EncoderModel.create(config.encoder(), TinyDatasets.VOCABULARY, 1, Device.cpu())) {
            new Stage1Trainer(config, model, SCENES.data().train(), SCENES.data().order(), null, broken, Map.of())
                    .train(0, TaskContext.none(), () -> asked.incrementAndGet() >= 3);
        }
        assertTrue(Files.isRegularFile(broken.checkpoint(3).resolve(NamedAdam.FILE)), "the checkpoint keeps Adam's moments");
        try (EncoderModel model = EncoderCheckpoint.load(broken.checkpoint(3), config.encoder(), Device.cpu())) {
            new Stage1Trainer(config, model, SCENES.data().train(), SCENES.data().order(), null, broken, Map.of())
                    .train(3, TaskContext.none(), () -> false);
        }
        try (EncoderModel a = EncoderCheckpoint.load(unbroken.checkpoint(6), config.encoder(), Device.cpu());
             EncoderModel b = EncoderCheckpoint.load(broken.checkpoint(6), config.encoder(), Device.cpu())) {
            var pa = a.block().getParameters();
            var pb = b.block().getParameters();
            double worst = 0;
            for (int i = 0; i < pa.size(); i++) {
                float[] x = pa.get(i).getValue().getArray().toFloatArray();
                float[] y = pb.get(i).getValue().getArray().toFloatArray();
                for (int j = 0; j < x.length; j++) {
                    worst = Math.max(worst, Math.abs(x[j] - y[j]));
                }
            }
            // Adam restarted from zero moments would move each weight by about the learning rate (3e-3 here) per step
            assertTrue(worst < 2e-5, "largest weight difference " + worst);
        }
    }
}
