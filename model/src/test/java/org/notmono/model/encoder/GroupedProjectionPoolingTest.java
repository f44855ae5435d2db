package org.notmono.model.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;
import org.notmono.model.encoder.nn.GroupBatchNorm;
import org.notmono.model.encoder.nn.GroupedConv1d;
import org.notmono.model.encoder.nn.Ops;

/** The projection's pooling against means written out, and the whole projection against the per-frame computation it replaced. */
class GroupedProjectionPoolingTest {
    private static final EncoderConfig TINY = EncoderConfig.named("tiny");

    private static float[] gaussian(int n, long seed) {
        float[] x = new float[n];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            x[i] = (float) random.nextGaussian();
        }
        return x;
    }

    @Test
    void poolsGroupsOfFramesAndBinsAndDropsTheRemainders() {
        int n = 2, c = 3, frames = 9, bins = 129, tp = 4, fp = 4;
        float[] x = gaussian(n * c * frames * bins, 11);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray pooled = GroupedProjection.pool(manager.create(x, new Shape(n, c, frames, bins)), tp, fp);
            int tOut = frames / tp, fOut = bins / fp;
            assertEquals(new Shape(n, c, tOut, fOut), pooled.getShape());
            float[] expected = new float[n * c * tOut * fOut];
            for (int row = 0; row < n * c; row++) {
                for (int t = 0; t < tOut; t++) {
                    for (int f = 0; f < fOut; f++) {
                        double sum = 0;
                        for (int dt = 0; dt < tp; dt++) {
                            for (int df = 0; df < fp; df++) {
                                sum += x[(row * frames + t * tp + dt) * bins + f * fp + df];
                            }
                        }
                        expected[(row * tOut + t) * fOut + f] = (float) (sum / (tp * fp));
                    }
                }
            }
            assertArrayEquals(expected, pooled.toFloatArray(), 1e-6f);
        }
    }

    /** The projection as it was computed before: frames moved into the batch axis, a 1-D convolution, slices and means. */
    private static NDArray perFrame(GroupedProjection p, ParameterStore ps, NDArray map, boolean training) {
        long batch = map.getShape().get(0);
        long frames = map.getShape().get(2);
        long bins = map.getShape().get(3);
        GroupedConv1d conv = null;
        GroupBatchNorm norm = null;
        for (Pair<String, ai.djl.nn.Block> child : p.getChildren()) {
            if (child.getValue() instanceof GroupedConv1d c) {
                conv = c;
            } else if (child.getValue() instanceof GroupBatchNorm b) {
                norm = b;
            }
        }
        NDArray x = map.transpose(0, 2, 1, 3).reshape(batch * frames, EncoderConfig.CHANNELS, bins);
        x = Ops.silu(norm.apply(ps, conv.apply(ps, x), training));
        int pool = TINY.frequencyPool();
        long bands = bins / pool;
        x = x.get(":, :, :" + bands * pool).reshape(batch * frames, TINY.hidden(), bands, pool).mean(new int[] {3});
        x = x.reshape(batch, frames, TINY.hidden(), bands).transpose(0, 1, 3, 2);
        return GroupedProjection.poolTime(x, TINY.timePool());
    }

    @Test
    void givesThePerFrameProjectionsNumbers() {
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int frames : new int[] {250, 9, 3}) { // whole groups of frames, a remainder, fewer frames than a group
                GroupedProjection p = new GroupedProjection(TINY);
                Shape shape = new Shape(2, EncoderConfig.CHANNELS, frames, 129);
                p.initialize(manager, DataType.FLOAT32, shape);
                ParameterStore ps = new ParameterStore(manager, false);
                NDArray map = manager.create(gaussian((int) shape.size(), frames), shape);
                // inference (running statistics) and training (the batch's statistics: the same elements in each group)
                for (boolean training : new boolean[] {false, true}) {
                    NDArray now = p.apply(ps, map, training);
                    NDArray before = perFrame(p, ps, map, training);
                    assertEquals(before.getShape(), now.getShape(), "frames " + frames);
                    assertArrayEquals(before.toFloatArray(), now.toFloatArray(), 1e-5f, "frames " + frames + ", training " + training);
                }
            }
        }
    }
}
