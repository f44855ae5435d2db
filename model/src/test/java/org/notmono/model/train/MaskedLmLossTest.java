package org.notmono.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/** The masked loss equals the hand-computed mean NLL over masked positions, and no gradient reaches unmasked ones. */
class MaskedLmLossTest {

    @Test
    void lossIsTheMeanNllOfMaskedPositionsOnly() {
        float[] logits = new float[2 * 3 * 4];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) Math.sin(1.7 * i);
        }
        long[] targets = {1, 3, 0, 2, 2, 1};
        float[] mask = {0, 1, 1, 0, 0, 1};
        double expected = 0;
        for (int p = 0; p < 6; p++) {
            if (mask[p] == 0) {
                continue;
            }
            double total = 0;
            for (int v = 0; v < 4; v++) {
                total += Math.exp(logits[p * 4 + v]);
            }
            expected -= logits[p * 4 + (int) targets[p]] - Math.log(total);
        }
        expected /= 3;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(logits, new Shape(2, 3, 4));
            x.setRequiresGradient(true);
            float loss;
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                NDArray value = MaskedLmLoss.loss(x, m.create(targets, new Shape(2, 3)), m.create(mask, new Shape(2, 3)));
                c.backward(value);
                loss = value.getFloat();
            }
            assertEquals(expected, loss, 1e-5);
            float[] grad = x.getGradient().toFloatArray();
            // d loss / d logit = (softmax - one-hot of the target) / (masked positions) inside the mask, exactly 0 outside
            for (int p = 0; p < 6; p++) {
                double total = 0;
                for (int v = 0; v < 4; v++) {
                    total += Math.exp(logits[p * 4 + v]);
                }
                for (int v = 0; v < 4; v++) {
                    double softmax = Math.exp(logits[p * 4 + v]) / total;
                    double want = mask[p] == 0 ? 0 : (softmax - (v == targets[p] ? 1 : 0)) / 3;
                    assertEquals(want, grad[p * 4 + v], mask[p] == 0 ? 0 : 1e-6, "position " + p + ", token " + v);
                }
            }
        }
    }
}
