package org.notmono.model.encoder.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * Group batch normalisation (TWNM 4.2.1): the channels of {@code [N, C, L]} are split into
 * groups and each group is normalised as one unit over the batch, so the relative levels of
 * the channels inside a group (the FOA directional intensities) survive.
 */
public final class GroupBatchNorm extends ShapedBlock {
    /**
     * DJL's momentum is the weight of the old running value (running = m * running + (1 - m) * batch);
     * 0.9 averages over about ten batches, as PyTorch's default 0.1 on the new batch does.
     */
    private static final float MOMENTUM = 0.9f;

    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter runningMean;
    private final Parameter runningVar;
    private final int groups;

    public GroupBatchNorm(int groups) {
        this.groups = groups;
        gamma = parameter("gamma", Parameter.Type.GAMMA, new Shape(groups), Initializer.ONES);
        beta = parameter("beta", Parameter.Type.BETA, new Shape(groups), Initializer.ZEROS);
        runningMean = running("runningMean", Parameter.Type.RUNNING_MEAN, Initializer.ZEROS);
        runningVar = running("runningVar", Parameter.Type.RUNNING_VAR, Initializer.ONES);
    }

    private Parameter running(String name, Parameter.Type type, Initializer init) {
        return addParameter(Parameter.builder().setName(name).setType(type).optShape(new Shape(groups))
                .optInitializer(init).optRequiresGrad(false).build());
    }

    public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
        Shape shape = x.getShape();
        NDArray grouped = x.reshape(shape.get(0), groups, -1);
        NDArray y = BatchNorm.batchNorm(grouped, ps.getValue(runningMean, x.getDevice(), training),
                ps.getValue(runningVar, x.getDevice(), training), ps.getValue(gamma, x.getDevice(), training),
                ps.getValue(beta, x.getDevice(), training), 1, MOMENTUM, 1e-5f, training).head();
        return y.reshape(shape);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(apply(ps, inputs.head(), training));
    }
}
