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
            NDArray with = p.apply(new ParameterStore(m, false), out, m.create(words));
            NDArray without = p.apply(new ParameterStore(m, false), out, m.zeros(new Shape(3, 32)));
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
