package org.notmono.model.projector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private static EncoderOutput outputs(NDManager m, float shift) {
        NDArray directions = m.randomNormal(new Shape(B, SLOTS, 3)).add(m.create(shift));
        return new EncoderOutput(new NDList(m.zeros(new Shape(B, SLOTS)).add(m.create(shift)), directions,
                m.ones(new Shape(B, SLOTS)).add(m.create(shift)), m.randomNormal(new Shape(B, SLOTS, 3)), m.ones(new Shape(B, 2)),
                m.randomNormal(new Shape(B, E)), m.randomNormal(new Shape(B, E)), m.randomNormal(new Shape(B, FRAMES, E))));
    }
}
