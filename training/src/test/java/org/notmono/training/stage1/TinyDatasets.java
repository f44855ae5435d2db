package org.notmono.training.stage1;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.notmono.model.encoder.EncoderConfig;
import org.notmono.sim.dataset.DatasetBuilder;
import org.notmono.sim.dataset.DatasetConfig;
import org.notmono.sim.sources.ClassVocabulary;
import org.notmono.sim.sources.TestSignalLibrary;
import org.notmono.task.TaskContext;

/** Small real datasets rendered by the simulator from its built-in test signals, and settings to train on them. */
final class TinyDatasets {
    static final double SECONDS = 1.0;
    static final List<String> VOCABULARY = List.of("footsteps", "door_knock", "alarm", "siren", "engine", "female_speech",
            "male_speech", "piano", "violin");

    private TinyDatasets() {
    }

    /** The test signals' classes as a vocabulary; some map to STARSS23 labels. */
    static ClassVocabulary vocabulary() throws IOException {
        StringBuilder json = new StringBuilder("{\"format\": \"notmono.classes/1\", \"classes\": [");
        for (int i = 0; i < VOCABULARY.size(); i++) {
            String id = VOCABULARY.get(i);
            String family = id.endsWith("speech") ? "speech" : id.equals("piano") || id.equals("violin") ? "music" : "environmental";
            String starss = switch (id) {
                case "footsteps" -> "\"Footsteps\"";
                case "female_speech" -> "\"Female speech\"";
                case "male_speech" -> "\"Male speech\"";
                case "piano", "violin" -> "\"Musical instrument\"";
                default -> "null";
            };
            json.append(i == 0 ? "" : ", ").append("{\"id\": \"").append(id).append("\", \"name\": \"").append(id)
                    .append("\", \"family\": \"").append(family).append("\", \"starss23\": ").append(starss).append('}');
        }
        return ClassVocabulary.read(new ByteArrayInputStream(json.append("]}").toString().getBytes(StandardCharsets.UTF_8)), "test");
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
