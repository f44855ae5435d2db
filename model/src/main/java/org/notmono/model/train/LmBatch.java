package org.notmono.model.train;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * One batch for the decoder: input embeddings (audio frames already in place), the token each
 * position should predict, and the mask of positions that count (answer tokens only).
 *
 * @param embeddings [B, T, d]
 * @param targets [B, T] int64
 * @param mask [B, T] float32
 */
public record LmBatch(NDArray embeddings, NDArray targets, NDArray mask) {

    /**
     * Batches of different lengths as one, in {@code manager}: each is padded at the end to the
     * longest (zero embeddings, outside the mask), which leaves every earlier position's loss as
     * it was under causal attention.
     */
    public static LmBatch stacked(List<LmBatch> batches, NDManager manager) {
        if (batches.size() == 1) {
            return batches.getFirst();
        }
        long longest = 0;
        for (LmBatch b : batches) {
            longest = Math.max(longest, b.targets().getShape().get(1));
        }
        NDList embeddings = new NDList();
        NDList targets = new NDList();
        NDList masks = new NDList();
        for (LmBatch b : batches) {
            long rows = b.targets().getShape().get(0);
            long missing = longest - b.targets().getShape().get(1);
            long width = b.embeddings().getShape().get(2);
            if (missing == 0) {
                embeddings.add(b.embeddings());
                targets.add(b.targets());
                masks.add(b.mask());
            } else {
                embeddings.add(b.embeddings().concat(manager.zeros(new Shape(rows, missing, width), b.embeddings().getDataType()), 1));
                targets.add(b.targets().concat(manager.zeros(new Shape(rows, missing), b.targets().getDataType()), 1));
                masks.add(b.mask().concat(manager.zeros(new Shape(rows, missing), b.mask().getDataType()), 1));
            }
        }
        return new LmBatch(NDArrays.concat(embeddings, 0), NDArrays.concat(targets, 0), NDArrays.concat(masks, 0));
    }
}
