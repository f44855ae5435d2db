package org.notmono.model.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.notmono.sim.scene.Slot;

/** Decoding the heads' arrays into slots: existence is sigmoid(logit) with DESIGN.md's 0.5 threshold, angles in degrees, metres. */
class SlotDecodingTest {
    private static final List<String> CLASSES = List.of("dog_bark", "piano", "female_speech", "door");

    @Test
    void decodesExistenceDirectionDistanceAndClassInDesignUnits() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] existence = {0f, 2f, -0.01f};
            double s = Math.sqrt(0.5);
            // +y is azimuth 90 (counter-clockwise from the front +x); +z is straight up; (-s, 0, -s) is behind and 45 below
            float[] directions = {0, 1, 0, 0, 0, 1, (float) -s, 0, (float) -s};
            float[] distances = {1.5f, 3.25f, 0.8f};
            float[] logits = {0, 0, 0, 0, 1, 3, 0, 2, 5, 0, 0, 0};
            NDList arrays = new NDList(m.create(existence, new Shape(1, 3)), m.create(directions, new Shape(1, 3, 3)),
                    m.create(distances, new Shape(1, 3)), m.create(logits, new Shape(1, 3, 4)), m.zeros(new Shape(1, 2)),
                    m.zeros(new Shape(1, 8)), m.zeros(new Shape(1, 8)), m.zeros(new Shape(1, 2, 8)));
            List<Slot> slots = SlotDecoding.decode(new EncoderOutput(arrays), CLASSES).getFirst();
            assertEquals(3, slots.size());

            Slot a = slots.get(0);
            assertEquals(0.5, a.existence(), 1e-7);
            assertTrue(a.exists(), "a probability of exactly 0.5 exists (DESIGN.md: existence >= 0.5)");
            assertEquals(90, a.azimuth(), 1e-5);
            assertEquals(0, a.elevation(), 1e-5);
            assertEquals(1.5, a.distance(), 1e-6);
            assertEquals(0.25, a.classScores().get(a.classId()), 1e-6, "uniform logits: every class 1/4");

            Slot b = slots.get(1);
            assertEquals(1 / (1 + Math.exp(-2)), b.existence(), 1e-6);
            assertEquals(90, b.elevation(), 1e-5);
            assertEquals(3.25, b.distance(), 1e-6);
            assertEquals("piano", b.classId());
            double z = Math.exp(1) + Math.exp(3) + Math.exp(0) + Math.exp(2);
            assertEquals(Math.exp(3) / z, b.classScores().get("piano"), 1e-6);
            assertEquals(Math.exp(2) / z, b.classScores().get("door"), 1e-6);
            assertEquals(3, b.classScores().size(), "the three most likely classes");
            assertFalse(b.classScores().containsKey("female_speech"), "the least likely class is left out");

            Slot c = slots.get(2);
            assertFalse(c.exists(), "logit -0.01 is just under 0.5");
            assertEquals(-180, c.azimuth(), 1e-5);
            assertEquals(-45, c.elevation(), 1e-5);
            assertEquals("dog_bark", c.classId());
        }
    }
}
