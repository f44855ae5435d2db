package org.notmono.training.curriculum;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ai.djl.Device;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.notmono.model.encoder.EncoderCheckpoint;
import org.notmono.model.encoder.EncoderConfig;
import org.notmono.model.encoder.EncoderModel;
import org.notmono.model.lm.Qwen2Config;
import org.notmono.model.lora.LoraConfig;
import org.notmono.sim.dataset.DatasetBuilder;
import org.notmono.sim.dataset.DatasetConfig;
import org.notmono.sim.sources.ClassVocabulary;
import org.notmono.sim.sources.SourceClass;
import org.notmono.sim.sources.ClipLibraries;
import org.notmono.task.TaskContext;
import org.notmono.training.sapo.SapoConfig;

/**
 * The small set-up the LM-stage tests train on: three rendered 1-s scenes (seed 7), a fresh
 * tiny encoder, and a curriculum config with a two-layer 64-wide decoder and short stages.
 */
public final class TinyCurriculum {
    private TinyCurriculum() {
    }

    /** Renders the three-scene training dataset into {@code dir}. */
    public static Path dataset(Path dir) throws IOException {
        new DatasetBuilder(new DatasetConfig(7, 3, 1.0, 3), ClipLibraries.standard(), 2).build(dir, TaskContext.none());
        return dir;
    }

    /** Saves a fresh tiny encoder (seed 4) over the assets' classes as a checkpoint in {@code dir}. */
    public static Path encoder(Path dir) throws IOException {
        List<String> classes = ClassVocabulary.fromAssets().classes().stream().map(SourceClass::id).toList();
        try (EncoderModel e = EncoderModel.create(EncoderConfig.named("tiny"), classes, 4, Device.cpu())) {
            EncoderCheckpoint.save(e, dir, Map.of());
        }
        return dir;
    }

    /**
     * Stage 0 of 16 steps, Stages 2 and 3 of 10 (0 and 3 in length buckets of two batches), Stage 4 of two SAPO steps;
     * Stages 0 and 3 answer without the option walk and Stage 0 states each world-knowledge fact once, as the recipe does.
     */
    public static CurriculumConfig config() {
        return new CurriculumConfig("test", new Qwen2Config(420, 64, 128, 2, 4, 2, 512, 10000, 1e-6, true), 32, 64, true, true, true,
                new LoraConfig(8, 32, List.of("q_proj", "k_proj", "v_proj", "o_proj"), 0, LoraConfig.Init.ZERO), 2,
                new StageSettings(16, 4, 3e-3, 3, 100, 1.0, 1, 2, false, 1), new StageSettings(10, 4, 1e-2, 1, 100, 1.0, 2, 0, true, 0),
                new StageSettings(10, 4, 1e-2, 1, 100, 1.0, 3, 2, false, 0), sapo(2));
    }

    /** {@code steps} SAPO steps of one prompt, two short rollouts each: two pass through every part of Stage 4. */
    public static SapoConfig sapo(int steps) {
        ObjectNode json = SapoConfig.tiny().toJson();
        json.put("steps", steps).put("promptsPerStep", 1).put("group", 2).put("maxNewTokens", 8).put("loggedPrompts", 1)
                .put("checkpointEvery", 100);
        return SapoConfig.fromJson(json, "test");
    }
}
