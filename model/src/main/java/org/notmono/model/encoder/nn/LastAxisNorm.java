package org.notmono.model.encoder.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/** Layer normalisation over the last axis only (DJL's LayerNorm block would take every non-batch axis). */
public final class LastAxisNorm extends ShapedBlock {
    private final Parameter gamma;
    private final Parameter beta;
    private final long size;

    public LastAxisNorm(long size) {
        this.size = size;
        gamma = parameter("gamma", Parameter.Type.GAMMA, new Shape(size), Initializer.ONES);
        beta = parameter("beta", Parameter.Type.BETA, new Shape(size), Initializer.ZEROS);
    }

    public NDArray apply(ParameterStore ps, NDArray x) {
        return LayerNorm.layerNorm(x, new Shape(size), ps.getValue(gamma, x.getDevice(), false),
                ps.getValue(beta, x.getDevice(), false), 1e-5f).head();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(apply(ps, inputs.head()));
    }
}
