package org.notmono.model.lalm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.audio.AudioClip;
import org.notmono.model.encoder.EncoderCheckpoint;
import org.notmono.model.encoder.EncoderConfig;
import org.notmono.model.encoder.EncoderModel;
import org.notmono.model.lm.Qwen2Config;
import org.notmono.model.lm.Qwen2Model;
import org.notmono.model.projector.ProjectorKind;
import org.notmono.model.projector.RoomWordWeights;
import org.notmono.model.tokenizer.BpeTrainer;
import org.notmono.model.tokenizer.SpecialTokens;
import org.notmono.model.tokenizer.TextTokenizer;

/**
 * A LALM whose slot tokens carry their class's words (decision 0012) at the words' scale (decision 0019) and whose
 * scene token carries the room's (decision 0017): what it embeds, and that a checkpoint keeps it.
 */
class ProjectorWordsTest {
    private static final List<String> CLASSES = List.of("dog_bark", "water_tap", "piano");

    @Test
    void classAndRoomWordsAreTheMeanEmbeddingOfTheirTokensAndSurviveACheckpoint(@TempDir Path dir) throws IOException {
        Path encoderDir = savedEncoder(dir);
        Path tokenizerFile = dir.resolve("tokenizer.json");
        List<String> corpus = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            corpus.add("I hear the dog bark on your left, the water tap in front of you and the piano behind you.");
            corpus.add("A small, highly reverberant room; a medium-sized, moderately reverberant room; a large, dry, absorptive room.");
        }
        new BpeTrainer(300, SpecialTokens.ALL).train(corpus).write(tokenizerFile);
        Qwen2Model lm = Qwen2Model.create(new Qwen2Config(300, 32, 64, 1, 4, 2, 256, 10000, 1e-6, true), 5, NDManager.newBaseManager());
        AudioClip clip = noise();
        float[] tokens;
        try (LalmModel model = LalmModel.assemble("words", encoderDir, lm, tokenizerFile, ProjectorKind.P2, 16, 32, 6, Device.cpu(),
                id -> id.replace('_', ' '), true, true);
             NDManager m = NDManager.newBaseManager();
             TextTokenizer tokenizer = TextTokenizer.load(tokenizerFile)) {
            assertEquals(List.of("dog bark", "water tap", "piano"), model.projector().config().classWords());
            float[] words = model.classWordEmbeddings(m).toFloatArray();
            float[] table = model.lm().embed(m.arange(0, 300).toType(ai.djl.ndarray.types.DataType.INT64, false)
                    .reshape(new Shape(1, 300))).toFloatArray();
            for (int c = 0; c < CLASSES.size(); c++) {
                long[] ids = tokenizer.encode(" " + CLASSES.get(c).replace('_', ' '));
                float[] mean = meanEmbedding(table, ids);
                float[] row = new float[32];
                System.arraycopy(words, c * 32, row, 0, 32);
                assertArrayEquals(mean, row, 1e-6f, CLASSES.get(c));
            }
            List<String> rooms = model.projector().config().roomWords();
            assertEquals(RoomWordWeights.words(), rooms);
            float[] roomRows = model.roomWordEmbeddings(m).toFloatArray();
            for (int w = 0; w < rooms.size(); w++) {
                long[] ids = tokenizer.encode(" " + rooms.get(w));
                float[] mean = meanEmbedding(table, ids);
                float[] row = new float[32];
                System.arraycopy(roomRows, w * 32, row, 0, 32);
                assertArrayEquals(mean, row, 1e-6f, rooms.get(w));
            }
            tokens = model.audioTokens(clip, m).toFloatArray();
            LalmCheckpoint.save(model, dir.resolve("lalm"), Map.of());
        }
        try (LalmModel loaded = LalmCheckpoint.load(dir.resolve("lalm")); NDManager m = NDManager.newBaseManager()) {
            assertEquals(List.of("dog bark", "water tap", "piano"), loaded.projector().config().classWords());
            assertEquals(RoomWordWeights.words(), loaded.projector().config().roomWords());
            assertTrue(loaded.projector().config().slotsAtWordScale());
            assertArrayEquals(tokens, loaded.audioTokens(clip, m).toFloatArray(), 1e-5f);
        }
    }

    /**
     * slotsAtWordScale is its own switch (on here with room words off), and a model.json written before decision 0019,
     * without the key, projects without it.
     */
    @Test
    void slotsAtWordScaleIsItsOwnSwitchAndOffInAnOlderModelJson(@TempDir Path dir) throws IOException {
        Path encoderDir = savedEncoder(dir);
        Path tokenizerFile = dir.resolve("tokenizer.json");
        new BpeTrainer(300, SpecialTokens.ALL).train(List.of("the dog bark", "the water tap", "the piano")).write(tokenizerFile);
        Qwen2Model lm = Qwen2Model.create(new Qwen2Config(300, 32, 64, 1, 4, 2, 256, 10000, 1e-6, true), 5, NDManager.newBaseManager());
        try (LalmModel model = LalmModel.assemble("scaled", encoderDir, lm, tokenizerFile, ProjectorKind.P2, 16, 32, 6, Device.cpu(),
                id -> id.replace('_', ' '), false, true)) {
            assertTrue(model.projector().config().slotsAtWordScale());
            assertEquals(List.of(), model.projector().config().roomWords());
            LalmCheckpoint.save(model, dir.resolve("lalm"), Map.of());
        }
        Path modelJson = dir.resolve("lalm").resolve(LalmCheckpoint.MODEL_JSON);
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(modelJson.toFile());
        ((ObjectNode) root.get("projector")).remove("slotsAtWordScale");
        json.writeValue(modelJson.toFile(), root);
        try (LalmModel loaded = LalmCheckpoint.load(dir.resolve("lalm"))) {
            assertFalse(loaded.projector().config().slotsAtWordScale());
        }
    }

    @Test
    void aProjectorWithoutClassOrRoomWordsEmbedsNone(@TempDir Path dir) throws IOException {
        Path encoderDir = savedEncoder(dir);
        Path tokenizerFile = dir.resolve("tokenizer.json");
        new BpeTrainer(300, SpecialTokens.ALL).train(List.of("the dog bark", "the piano")).write(tokenizerFile);
        Qwen2Model lm = Qwen2Model.create(new Qwen2Config(300, 32, 64, 1, 4, 2, 256, 10000, 1e-6, true), 5, NDManager.newBaseManager());
        try (LalmModel model = LalmModel.assemble("plain", encoderDir, lm, tokenizerFile, ProjectorKind.P2, 16, 32, 6);
             NDManager m = NDManager.newBaseManager()) {
            assertEquals(List.of(), model.projector().config().classWords());
            assertNull(model.classWordEmbeddings(m));
            assertEquals(List.of(), model.projector().config().roomWords());
            assertNull(model.roomWordEmbeddings(m));
        }
    }

    /** The mean of the 32-wide rows {@code ids} of the embedding table. */
    private static float[] meanEmbedding(float[] table, long[] ids) {
        float[] mean = new float[32];
        for (long id : ids) {
            for (int j = 0; j < 32; j++) {
                mean[j] += table[(int) id * 32 + j] / ids.length;
            }
        }
        return mean;
    }

    /** A fresh tiny encoder over {@link #CLASSES}, saved as a checkpoint in {@code dir}/encoder. */
    private static Path savedEncoder(Path dir) throws IOException {
        Path encoderDir = dir.resolve("encoder");
        try (EncoderModel encoder = EncoderModel.create(EncoderConfig.named("tiny"), CLASSES, 4, Device.cpu())) {
            EncoderCheckpoint.save(encoder, encoderDir, Map.of());
        }
        return encoderDir;
    }

    private static AudioClip noise() {
        Random random = new Random(3);
        float[][] channels = new float[4][24_000 * 2];
        for (float[] ch : channels) {
            for (int i = 0; i < ch.length; i++) {
                ch[i] = (float) (0.1 * random.nextGaussian());
            }
        }
        return new AudioClip(24_000, channels);
    }
}
