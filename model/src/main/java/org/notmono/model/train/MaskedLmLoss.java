package org.notmono.model.train;

import ai.djl.ndarray.NDArray;

/**
 * Next-token cross-entropy averaged over the positions a mask selects, so a model learns only
 * what it is asked to produce (the answer), never the prompt or the audio positions.
 */
public final class MaskedLmLoss {
    private MaskedLmLoss() {
    }

    /**
     * @param logits [B, T, V] predictions at each position
     * @param targets [B, T] (int64) the token each position should predict (anything where the mask is 0)
     * @param mask [B, T] (float32) 1 where the position counts, 0 elsewhere
     * @return the mean negative log-likelihood over masked positions (a scalar)
     */
    public static NDArray loss(NDArray logits, NDArray targets, NDArray mask) {
        long b = logits.getShape().get(0);
        long t = logits.getShape().get(1);
        long v = logits.getShape().get(2);
        // DJL's softmax cross-entropy rejects [B, T, V]: flatten (notes/djl-on-cpu.md)
        NDArray logProbabilities = logits.reshape(b * t, v).logSoftmax(1);
        NDArray picked = logProbabilities.gather(targets.reshape(b * t, 1), 1).reshape(b * t);
        NDArray weights = mask.reshape(b * t);
        return picked.mul(weights).sum().neg().div(weights.sum().maximum(mask.getManager().create(1f)));
    }
}
