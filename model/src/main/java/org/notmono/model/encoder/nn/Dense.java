package org.notmono.model.encoder.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** A fully connected layer over the last axis, {@code in -> out}. */
public final class Dense extends ShapedBlock {
    private final Parameter weight;
    private final Parameter bias;

    public Dense(long in, long out) {
        weight = weight("weight", new Shape(out, in));
        bias = bias("bias", out);
    }

    public NDArray apply(ParameterStore ps, NDArray x) {
        return Linear.linear(x, ps.getValue(weight, x.getDevice(), false), ps.getValue(bias, x.getDevice(), false)).head();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(apply(ps, inputs.head()));
    }
}
