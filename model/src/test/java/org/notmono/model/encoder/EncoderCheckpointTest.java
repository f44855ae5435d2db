package org.notmono.model.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.BuildInfo;

class EncoderCheckpointTest {
    private static final List<String> CLASSES = List.of("dog_bark", "female_speech", "piano");
    private static final EncoderConfig TINY = EncoderConfig.named("tiny");

    @TempDir
    Path dir;

    @Test
    void savedAndLoadedEncodersGiveIdenticalOutputs() throws IOException {
        Path checkpoint = dir.resolve("step-5");
        try (EncoderModel original = EncoderModel.create(TINY, CLASSES, 11, Device.cpu());
             NDManager data = NDManager.newBaseManager()) {
            data.getEngine().setRandomSeed(4);
            FeatureBatch input = new FeatureBatch(data.randomNormal(new Shape(2, 8, 33, 129)), data.randomNormal(new Shape(2, 33, 64)));
            float[] before = original.forward(input.map(), input.logMel(), false).directions().toFloatArray();
            assertArrayEquals(before, original.forward(input.map(), input.logMel(), false).directions().toFloatArray(),
                    "inference is deterministic");
            EncoderCheckpoint.save(original, checkpoint, Map.of("globalStep", 5));
            try (EncoderModel loaded = EncoderCheckpoint.load(checkpoint, Device.cpu())) {
                assertEquals(TINY, loaded.config());
                assertEquals(CLASSES, loaded.classes());
                EncoderOutput a = original.forward(input.map(), input.logMel(), false);
                EncoderOutput b = loaded.forward(input.map(), input.logMel(), false);
                // every tensor comes back bit for bit
                var originalParameters = original.block().getParameters();
                var loadedParameters = loaded.block().getParameters();
                for (int i = 0; i < originalParameters.size(); i++) {
                    assertEquals(originalParameters.get(i).getKey(), loadedParameters.get(i).getKey());
                    assertArrayEquals(originalParameters.get(i).getValue().getArray().toFloatArray(),
                            loadedParameters.get(i).getValue().getArray().toFloatArray(), originalParameters.get(i).getKey());
                }
                // outputs agree to float rounding: PyTorch may pick another kernel for freshly loaded (contiguous) weights
                for (int i = 0; i < a.arrays().size(); i++) {
                    assertArrayEquals(a.arrays().get(i).toFloatArray(), b.arrays().get(i).toFloatArray(), 1e-4f, "output " + i);
                }
            }
        }
        JsonNode json = EncoderCheckpoint.readModelJson(checkpoint);
        assertEquals("tiny", json.path("config").path("name").asText());
        assertEquals(5, json.path("training").path("globalStep").asInt());
        assertTrue(json.path("tensors").size() > 20);
        assertTrue(json.has("gitCommit") && json.has("assets") && json.path("versions").has("djl"));
        assertTrue(Files.isRegularFile(checkpoint.resolve("encoder-0000.params")));
    }

    /** model.json records which NotMono wrote it: the build's version and git commit, never null. */
    @Test
    void modelJsonRecordsTheRealVersionAndCommit() throws IOException {
        Path checkpoint = dir.resolve("versions");
        try (EncoderModel model = EncoderModel.create(TINY, CLASSES, 1, Device.cpu())) {
            EncoderCheckpoint.save(model, checkpoint, Map.of());
        }
        JsonNode json = EncoderCheckpoint.readModelJson(checkpoint);
        String version = json.path("versions").path("notmono").asText(null);
        assertEquals(BuildInfo.version(), version);
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), "a Maven version, got " + version);
        assertTrue(json.path("gitCommit").asText().matches("[0-9a-f]{40}(-dirty)?"), json.path("gitCommit").asText());
    }

    /** Loading must not reseed the engine's global random generator (the chat's sampling would repeat after every load). */
    @Test
    void loadingLeavesTheGlobalRandomGeneratorAlone() throws IOException {
        Path checkpoint = dir.resolve("rng");
        try (EncoderModel model = EncoderModel.create(TINY, CLASSES, 1, Device.cpu())) {
            EncoderCheckpoint.save(model, checkpoint, Map.of());
        }
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(123);
            float[] expected = m.randomUniform(0, 1, new Shape(8)).toFloatArray();
            m.getEngine().setRandomSeed(123);
            EncoderCheckpoint.load(checkpoint, Device.cpu()).close();
            assertArrayEquals(expected, m.randomUniform(0, 1, new Shape(8)).toFloatArray());
        }
    }

    @Test
    void aCheckpointOfAnotherConfigNamesTheDifferingTensor() throws IOException {
        Path checkpoint = dir.resolve("tiny");
        try (EncoderModel tiny = EncoderModel.create(TINY, CLASSES, 1, Device.cpu())) {
            EncoderCheckpoint.save(tiny, checkpoint, Map.of());
        }
        IOException e = assertThrows(IOException.class, () -> EncoderCheckpoint.load(checkpoint, EncoderConfig.named("base"), Device.cpu()));
        assertTrue(e.getMessage().contains("tensor 01projection_01conv_weight"), e.getMessage());
        assertTrue(e.getMessage().contains("(32, 2, 5)") && e.getMessage().contains("(64, 2, 5)"), e.getMessage());
    }

    @Test
    void aFolderWithoutModelJsonIsNotACheckpoint() {
        IOException e = assertThrows(IOException.class, () -> EncoderCheckpoint.load(dir, Device.cpu()));
        assertTrue(e.getMessage().contains("is not an encoder checkpoint"), e.getMessage());
    }
}
