package org.notmono.model.train;

import ai.djl.ndarray.NDArray;

/**
 * One batch for the decoder: input embeddings (audio frames already in place), the token each
 * position should predict, and the mask of positions that count (answer tokens only).
 *
 * @param embeddings [B, T, d]
 * @param targets [B, T] int64
 * @param mask [B, T] float32
 */
public record LmBatch(NDArray embeddings, NDArray targets, NDArray mask) {
}
