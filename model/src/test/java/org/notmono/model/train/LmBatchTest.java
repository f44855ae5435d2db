package org.notmono.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.notmono.model.lm.Qwen2Config;
import org.notmono.model.lm.Qwen2Model;

/**
 * Batches of different lengths stacked into one give the loss the two give apart, weighted by
 * their answer positions: the padding changes no position's prediction under causal attention.
 */
class LmBatchTest {

    @Test
    void stackedBatchesLoseWhatTheyLoseApart() {
        try (NDManager m = NDManager.newBaseManager();
             Qwen2Model lm = Qwen2Model.create(new Qwen2Config(50, 32, 64, 2, 4, 2, 64, 10000, 1e-6, false), 3, NDManager.newBaseManager())) {
            LmBatch shortOne = batch(m, 2, 5, new float[] {0, 1, 1, 1, 0, 0, 0, 1, 1, 0}, 1);
            LmBatch longOne = batch(m, 3, 9, null, 2);
            float lossShort = loss(lm, shortOne);
            float lossLong = loss(lm, longOne);
            LmBatch stacked = LmBatch.stacked(List.of(shortOne, longOne), m);
            assertEquals(new Shape(5, 9, 32), stacked.embeddings().getShape());
            float nShort = shortOne.mask().sum().getFloat();
            float nLong = longOne.mask().sum().getFloat();
            assertEquals((lossShort * nShort + lossLong * nLong) / (nShort + nLong), loss(lm, stacked), 1e-5);
        }
    }

    private static float loss(Qwen2Model lm, LmBatch b) {
        return MaskedLmLoss.loss(lm.forward(b.embeddings(), null, false), b.targets(), b.mask()).getFloat();
    }

    /** Random embeddings and targets; the given mask, or every position but the first. */
    private static LmBatch batch(NDManager m, int rows, int length, float[] mask, int seed) {
        NDArray embeddings = m.randomNormal(0, 1, new Shape(rows, length, 32), DataType.FLOAT32);
        long[] targets = new long[rows * length];
        float[] chosen = mask != null ? mask : new float[rows * length];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = (i * 7L + seed) % 50;
            if (mask == null) {
                chosen[i] = i % length == 0 ? 0 : 1;
            }
        }
        return new LmBatch(embeddings, m.create(targets, new Shape(rows, length)), m.create(chosen, new Shape(rows, length)));
    }
}
