package org.notmono.model.projector;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.notmono.model.encoder.nn.Dense;
import org.notmono.model.encoder.nn.Ops;
import org.notmono.model.encoder.nn.ShapedBlock;

/** Two linear layers with SiLU between them, over the last axis. */
final class Mlp extends ShapedBlock {
    private final Dense first;
    private final Dense second;

    Mlp(long in, long hidden, long out) {
        first = addChildBlock("in", new Dense(in, hidden));
        second = addChildBlock("out", new Dense(hidden, out));
    }

    NDArray apply(ParameterStore ps, NDArray x) {
        return second.apply(ps, Ops.silu(first.apply(ps, x)));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(apply(ps, inputs.head()));
    }
}
