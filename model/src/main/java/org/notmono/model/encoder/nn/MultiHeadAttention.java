package org.notmono.model.encoder.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multi-head scaled dot-product attention of queries {@code [B, Lq, D]} over keys and values
 * {@code [B, Lk, D]}; self-attention when both are the same. Written here rather than taken
 * from DJL so the scale multiplies q as an NDArray (see {@link Ops}) and there is no dropout.
 */
public final class MultiHeadAttention extends ShapedBlock {
    private final Dense query;
    private final Dense key;
    private final Dense value;
    private final Dense output;
    private final int heads;
    private final long dim;

    public MultiHeadAttention(long dim, int heads) {
        if (dim % heads != 0) {
            throw new IllegalArgumentException("attention width " + dim + " does not divide into " + heads + " heads");
        }
        this.dim = dim;
        this.heads = heads;
        query = addChildBlock("query", new Dense(dim, dim));
        key = addChildBlock("key", new Dense(dim, dim));
        value = addChildBlock("value", new Dense(dim, dim));
        output = addChildBlock("output", new Dense(dim, dim));
    }

    public NDArray apply(ParameterStore ps, NDArray queries, NDArray memory) {
        long batch = queries.getShape().get(0);
        long lq = queries.getShape().get(1);
        float scale = (float) (1 / Math.sqrt(dim / (double) heads));
        NDArray q = split(Ops.scale(query.apply(ps, queries), scale));
        NDArray k = split(key.apply(ps, memory));
        NDArray v = split(value.apply(ps, memory));
        NDArray weights = q.batchMatMul(k.transpose(0, 2, 1)).softmax(-1);
        NDArray heads3 = weights.batchMatMul(v); // [B*h, Lq, dh]
        NDArray merged = heads3.reshape(batch, heads, lq, dim / heads).transpose(0, 2, 1, 3).reshape(batch, lq, dim);
        return output.apply(ps, merged);
    }

    /** [B, L, D] -> [B * heads, L, D / heads]. */
    private NDArray split(NDArray x) {
        long batch = x.getShape().get(0);
        long length = x.getShape().get(1);
        return x.reshape(batch, length, heads, dim / heads).transpose(0, 2, 1, 3).reshape(batch * heads, length, dim / heads);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray queries = inputs.head();
        return new NDList(apply(ps, queries, inputs.size() > 1 ? inputs.get(1) : queries));
    }
}
