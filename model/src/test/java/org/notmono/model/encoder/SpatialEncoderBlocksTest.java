package org.notmono.model.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Output shapes of every block of the encoder, and gradients reaching every parameter of each. */
class SpatialEncoderBlocksTest {
    private static final EncoderConfig TINY = EncoderConfig.named("tiny");
    private static final int B = 2;
    private static final int T = 41; // STFT frames; tiny pools time by 4 -> 10
    private static final int TP = 10;
    private static final int E = TINY.embedding();
    private static final int S = TINY.slots();

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void groupedProjectionPoolsToBandsAndFrames() {
        NDList out = BlockGradients.forwardAndCheckGradients(new GroupedProjection(TINY), manager, new Shape(B, 8, T, 129));
        assertEquals(new Shape(B, TP, 32, TINY.hidden()), out.head().getShape());
    }

    @Test
    void layerBlockKeepsItsShape() {
        Shape shape = new Shape(B, TP, TINY.bands(), TINY.hidden());
        assertEquals(shape, BlockGradients.forwardAndCheckGradients(new LayerBlock(TINY), manager, shape).head().getShape());
    }

    @Test
    void paperLayerBlockWorksAtFullResolution() {
        EncoderConfig paper = EncoderConfig.named("paper");
        Shape shape = new Shape(1, 4, paper.bands(), paper.hidden());
        assertEquals(129, paper.bands());
        assertEquals(shape, BlockGradients.forwardAndCheckGradients(new LayerBlock(paper), manager, shape).head().getShape());
    }

    @Test
    void attractorsGiveOneVectorPerSlot() {
        NDList out = BlockGradients.forwardAndCheckGradients(new AttractorSlots(TINY), manager, new Shape(B, TP, E));
        assertEquals(new Shape(B, S, E), out.head().getShape());
    }

    @Test
    void semanticEncoderPoolsLikeTheSpatialPath() {
        NDList out = BlockGradients.forwardAndCheckGradients(new SemanticEncoder(TINY), manager, new Shape(B, T, TINY.melBands()));
        assertEquals(new Shape(B, TP, E), out.head().getShape());
    }

    @Test
    void sceneHeadSplitsThePooledRepresentation() {
        SceneHead head = new SceneHead(TINY);
        NDList out = BlockGradients.forwardAndCheckGradients(head, manager, new Shape(B, TP, E));
        assertEquals(new Shape(B, E), out.get(0).getShape());
        assertEquals(new Shape(B, E), out.get(1).getShape());
        assertEquals(new Shape(B, 2), out.get(2).getShape());
        // the two parts add up to the mean frame: the gate splits, it does not invent
        NDArray frames = manager.randomNormal(new Shape(B, TP, E));
        NDList parts = head.apply(new ParameterStore(manager, false), frames);
        assertArrayEquals(frames.mean(new int[] {1}).toFloatArray(), parts.get(0).add(parts.get(1)).toFloatArray(), 1e-5f);
        for (float a : parts.get(2).get(":, 1").toFloatArray()) {
            assertTrue(a > 0 && a < 1, "mean absorption is a fraction, got " + a);
        }
    }

    @Test
    void slotHeadsGiveUnitDirectionsAndPositiveDistances() {
        int classes = 7;
        NDList out = BlockGradients.forwardAndCheckGradients(new SlotHeads(TINY, classes), manager,
                new Shape(B, S, E), new Shape(B, TP, E), new Shape(B, TP, E), new Shape(B, E));
        assertEquals(new Shape(B, S), out.get(0).getShape());
        assertEquals(new Shape(B, S, 3), out.get(1).getShape());
        assertEquals(new Shape(B, S), out.get(2).getShape());
        assertEquals(new Shape(B, S, classes), out.get(3).getShape());
        NDArray norms = out.get(1).square().sum(new int[] {-1}).sqrt();
        for (float n : norms.toFloatArray()) {
            assertEquals(1, n, 1e-4);
        }
        for (float d : out.get(2).toFloatArray()) {
            assertTrue(d > 0, "softplus distance must be positive, got " + d);
        }
    }

    @Test
    void wholeEncoderOutputs() {
        int classes = 40;
        NDList out = BlockGradients.forwardAndCheckGradients(new SpatialEncoder(TINY, classes), manager,
                new Shape(B, 8, T, 129), new Shape(B, T, TINY.melBands()));
        EncoderOutput o = new EncoderOutput(out);
        assertArrayEquals(new long[] {B, S}, o.existenceLogits().getShape().getShape());
        assertArrayEquals(new long[] {B, S, 3}, o.directions().getShape().getShape());
        assertArrayEquals(new long[] {B, S}, o.distances().getShape().getShape());
        assertArrayEquals(new long[] {B, S, classes}, o.classLogits().getShape().getShape());
        assertArrayEquals(new long[] {B, 2}, o.room().getShape().getShape());
        assertArrayEquals(new long[] {B, E}, o.spatialPart().getShape().getShape());
        assertArrayEquals(new long[] {B, E}, o.semanticPart().getShape().getShape());
        assertArrayEquals(new long[] {B, TP, E}, o.semanticFrames().getShape().getShape());
    }
}
