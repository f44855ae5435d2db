package org.notmono.model.projector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.notmono.model.encoder.EncoderOutput;

/** P0, P1 and P2 give one token per pooled frame, per slot and for the scene, and every token hears the slots. */
class ProjectorTest {
    private static final int B = 2;
    private static final int SLOTS = 4;
    private static final int FRAMES = 62;
    private static final int E = 16;

    @Test
    void everyKindGivesFramesSlotsAndSceneTokensThatDependOnTheSlots() {
        for (ProjectorKind kind : ProjectorKind.values()) {
            ProjectorConfig config = new ProjectorConfig(kind, E, SLOTS, 3, 24, 40, 32, 2);
            try (NDManager m = NDManager.newBaseManager()) {
                Engine.getInstance().setRandomSeed(1);
                Projector p = new Projector(config);
                p.initialize(m);
                EncoderOutput out = outputs(m, 0f);
                NDArray tokens = p.apply(new ParameterStore(m, false), out);
                assertEquals(new Shape(B, FRAMES / 2 + SLOTS + 1, 32), tokens.getShape(), kind.name());
                assertEquals(FRAMES / 2 + SLOTS + 1, config.tokens(FRAMES));
                // move the slots: every frame token must change (the spatial summary reaches all of them)
                NDArray moved = p.apply(new ParameterStore(m, false), outputs(m, 1f));
                NDArray frameDiff = tokens.get(":, :" + FRAMES / 2 + ", :").sub(moved.get(":, :" + FRAMES / 2 + ", :")).abs()
                        .sum(new int[] {2});
                assertTrue(frameDiff.min().getFloat() > 1e-6, kind + ": a frame token ignores the slots");
            }
        }
    }

    /**
     * With class words, a slot token gains sum_c p_c w_c (p: the slot's class probabilities, w: the words'
     * embeddings), computed here by hand, and the frame and scene tokens do not change.
     */
    @Test
    void classWordsAddTheProbabilityWeightedWordsToEachSlotToken() {
        ProjectorConfig config = new ProjectorConfig(ProjectorKind.P2, E, SLOTS, 3, 24, 40, 32, 2, List.of("dog bark", "kettle", "siren"));
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(1);
            Projector p = new Projector(config);
            p.initialize(m);
            EncoderOutput out = outputs(m, 0f);
            float[][] words = {new float[32], new float[32], new float[32]};
            for (int c = 0; c < 3; c++) {
                for (int j = 0; j < 32; j++) {
                    words[c][j] = (float) Math.sin(1 + 7 * c + 0.3 * j);
                }
            }
            NDArray with = p.apply(new ParameterStore(m, false), out, m.create(words), null);
            NDArray without = p.apply(new ParameterStore(m, false), out, m.zeros(new Shape(3, 32)), null);
            float[] added = with.sub(without).toFloatArray();
            float[] logits = out.classLogits().toFloatArray();
            int frames = FRAMES / 2;
            int tokens = frames + SLOTS + 1;
            float[] expected = new float[B * tokens * 32];
            for (int b = 0; b < B; b++) {
                for (int s = 0; s < SLOTS; s++) {
                    double[] prob = new double[3];
                    double sum = 0;
                    for (int c = 0; c < 3; c++) {
                        prob[c] = Math.exp(logits[(b * SLOTS + s) * 3 + c]);
                        sum += prob[c];
                    }
                    for (int j = 0; j < 32; j++) {
                        double v = 0;
                        for (int c = 0; c < 3; c++) {
                            v += prob[c] / sum * words[c][j];
                        }
                        expected[(b * tokens + frames + s) * 32 + j] = (float) v;
                    }
                }
            }
            assertArrayEquals(expected, added, 1e-5f);
            assertThrows(IllegalArgumentException.class, () -> p.apply(new ParameterStore(m, false), out));
        }
    }

    /**
     * At the words' scale (decision 0019), a slot token is w + |w| m / |m|, where w is its class words (as above) and m
     * the learned part the same weights give without the scaling: worked out here from those two projections. The
     * frame and scene tokens do not change, and the scaling needs class words.
     */
    @Test
    void slotsAtWordScaleGiveTheLearnedPartTheLengthOfTheWords() {
        List<String> names = List.of("dog bark", "kettle", "siren");
        ProjectorConfig plainConfig = new ProjectorConfig(ProjectorKind.P2, E, SLOTS, 3, 24, 40, 32, 2, names, List.of(), false);
        ProjectorConfig scaledConfig = new ProjectorConfig(ProjectorKind.P2, E, SLOTS, 3, 24, 40, 32, 2, names, List.of(), true);
        try (NDManager m = NDManager.newBaseManager()) {
            EncoderOutput out = outputs(m, 0f);
            float[][] words = new float[3][32];
            for (int c = 0; c < 3; c++) {
                for (int j = 0; j < 32; j++) {
                    words[c][j] = (float) (0.1 * Math.sin(1 + 7 * c + 0.3 * j));
                }
            }
            Engine.getInstance().setRandomSeed(1);
            Projector plain = new Projector(plainConfig);
            plain.initialize(m);
            Engine.getInstance().setRandomSeed(1);
            Projector scaled = new Projector(scaledConfig);
            scaled.initialize(m);
            float[] learned = plain.apply(new ParameterStore(m, false), out, m.zeros(new Shape(3, 32)), null).toFloatArray();
            float[] withWords = plain.apply(new ParameterStore(m, false), out, m.create(words), null).toFloatArray();
            float[] got = scaled.apply(new ParameterStore(m, false), out, m.create(words), null).toFloatArray();
            int frames = FRAMES / 2;
            int tokens = frames + SLOTS + 1;
            float[] expected = withWords.clone(); // frame and scene tokens as without the scaling
            for (int b = 0; b < B; b++) {
                for (int s = 0; s < SLOTS; s++) {
                    int at = (b * tokens + frames + s) * 32;
                    double learnedLength = 0;
                    double wordsLength = 0;
                    for (int j = 0; j < 32; j++) {
                        double w = withWords[at + j] - learned[at + j];
                        learnedLength += learned[at + j] * learned[at + j];
                        wordsLength += w * w;
                    }
                    double factor = Math.sqrt(wordsLength / learnedLength);
                    assertTrue(factor < 0.5, "the words start shorter than the learned part: the test must scale it down");
                    for (int j = 0; j < 32; j++) {
                        expected[at + j] = (float) (withWords[at + j] - learned[at + j] + factor * learned[at + j]);
                    }
                }
            }
            assertArrayEquals(expected, got, 1e-5f);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ProjectorConfig(ProjectorKind.P2, E, SLOTS, 3, 24, 40, 32, 2, List.of(), List.of(), true));
        assertEquals("slotsAtWordScale scales slot tokens to their class words: it needs classWords", e.getMessage());
    }

    /**
     * With room words, the scene token gains the six words' embeddings weighted by the room's soft
     * categories, worked out here from the formula: for a small dry room (60 m^2, absorption 0.6) the
     * words "small" and "dry, absorptive", for a large wet one (800 m^2, 0.05) "large" and "highly
     * reverberant"; the frame and slot tokens do not change.
     */
    @Test
    void roomWordsAddTheRoomsCategoryWordsToTheSceneToken() {
        ProjectorConfig config = new ProjectorConfig(ProjectorKind.P2, E, SLOTS, 3, 24, 40, 32, 2, List.of(), RoomWordWeights.words());
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(1);
            Projector p = new Projector(config);
            p.initialize(m);
            double[][] rooms = {{Math.log(60), 0.6}, {Math.log(800), 0.05}};
            NDList arrays = outputs(m, 0f).arrays();
            arrays.set(4, m.create(new float[][] {{(float) rooms[0][0], (float) rooms[0][1]}, {(float) rooms[1][0], (float) rooms[1][1]}}));
            EncoderOutput out = new EncoderOutput(arrays);
            float[][] words = new float[6][32];
            for (int w = 0; w < 6; w++) {
                for (int j = 0; j < 32; j++) {
                    words[w][j] = (float) Math.cos(2 + 5 * w + 0.2 * j);
                }
            }
            NDArray with = p.apply(new ParameterStore(m, false), out, null, m.create(words));
            NDArray without = p.apply(new ParameterStore(m, false), out, null, m.zeros(new Shape(6, 32)));
            float[] added = with.sub(without).toFloatArray();
            int tokens = FRAMES / 2 + SLOTS + 1;
            float[] expected = new float[B * tokens * 32];
            for (int b = 0; b < B; b++) {
                double[] weight = new double[6];
                double[] size = softCategories(rooms[b][0], Math.log(110), Math.log(360), 0.1);
                double[] reverb = softCategories(rooms[b][1], 0.15, 0.4, 0.02);
                System.arraycopy(size, 0, weight, 0, 3);
                System.arraycopy(reverb, 0, weight, 3, 3);
                for (int j = 0; j < 32; j++) {
                    double v = 0;
                    for (int w = 0; w < 6; w++) {
                        v += weight[w] * words[w][j];
                    }
                    expected[(b * tokens + tokens - 1) * 32 + j] = (float) v;
                }
            }
            assertArrayEquals(expected, added, 1e-5f);
            assertThrows(IllegalArgumentException.class, () -> p.apply(new ParameterStore(m, false), out));
        }
    }

    /** Below, between and above two boundaries, each side a logistic of the distance to its boundary. */
    private static double[] softCategories(double x, double low, double high, double softness) {
        double below = 1 / (1 + Math.exp((x - low) / softness));
        double above = 1 / (1 + Math.exp((high - x) / softness));
        return new double[] {below, 1 - below - above, above};
    }

    @Test
    void roomWordsNameSixCategories() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ProjectorConfig(ProjectorKind.P2, E, SLOTS, 3, 24, 40, 32, 2, List.of(), List.of("small", "large")));
        assertEquals("roomWords names 2 categories, not the 6 of [small, medium-sized, large, highly reverberant, "
                + "moderately reverberant, dry, absorptive]: [small, large]", e.getMessage());
    }

    @Test
    void classWordsMustNameEveryClass() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ProjectorConfig(ProjectorKind.P2, E, SLOTS, 3, 24, 40, 32, 2, List.of("dog bark", "kettle")));
        assertEquals("classWords names 2 classes but the class head has 3", e.getMessage());
    }

    private static EncoderOutput outputs(NDManager m, float shift) {
        NDArray directions = m.randomNormal(new Shape(B, SLOTS, 3)).add(m.create(shift));
        return new EncoderOutput(new NDList(m.zeros(new Shape(B, SLOTS)).add(m.create(shift)), directions,
                m.ones(new Shape(B, SLOTS)).add(m.create(shift)), m.randomNormal(new Shape(B, SLOTS, 3)), m.ones(new Shape(B, 2)),
                m.randomNormal(new Shape(B, E)), m.randomNormal(new Shape(B, E)), m.randomNormal(new Shape(B, FRAMES, E))));
    }
}
