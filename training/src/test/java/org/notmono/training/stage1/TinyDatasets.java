package org.notmono.training.stage1;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.notmono.model.encoder.EncoderConfig;
import org.notmono.sim.dataset.DatasetBuilder;
import org.notmono.sim.dataset.DatasetConfig;
import org.notmono.sim.sources.TestSignalLibrary;
import org.notmono.task.TaskContext;

/** Small real datasets rendered by the simulator from its built-in test signals, and settings to train on them. */
final class TinyDatasets {
    static final double SECONDS = 1.0;
    static final List<String> VOCABULARY = List.of("footsteps", "door_knock", "alarm", "siren", "engine", "female_speech",
            "male_speech", "piano", "violin");

    private TinyDatasets() {
    }

    static Path build(Path dir, long seed, int count) throws IOException {
        new DatasetBuilder(new DatasetConfig(seed, count, SECONDS, 4), new TestSignalLibrary(), 2).build(dir, TaskContext.none());
        return dir;
    }

    static Stage1Config config(int epochs, int checkpointEvery) {
        TrainingSettings s = new TrainingSettings(4, 3e-3, 2, epochs, 1, checkpointEvery, 1000, 8, 5.0, SECONDS, 0.3, 2);
        return new Stage1Config(EncoderConfig.named("tiny"), s, LossWeights.defaults());
    }
}
