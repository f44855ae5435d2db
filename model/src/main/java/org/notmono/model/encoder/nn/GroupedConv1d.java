package org.notmono.model.encoder.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** A 1-D convolution over the last axis of {@code [N, in, L]} with "same" padding and channel groups. */
public final class GroupedConv1d extends ShapedBlock {
    private final Parameter weight;
    private final Parameter bias;
    private final int kernel;
    private final int groups;

    public GroupedConv1d(long in, long out, int kernel, int groups) {
        if (in % groups != 0 || out % groups != 0 || kernel % 2 == 0) {
            throw new IllegalArgumentException("grouped conv " + in + "->" + out + " k" + kernel + " g" + groups
                    + ": channels must divide by the groups and the kernel must be odd");
        }
        this.kernel = kernel;
        this.groups = groups;
        weight = weight("weight", new Shape(out, in / groups, kernel));
        bias = bias("bias", out);
    }

    public NDArray apply(ParameterStore ps, NDArray x) {
        return Conv1d.conv1d(x, ps.getValue(weight, x.getDevice(), false), ps.getValue(bias, x.getDevice(), false),
                new Shape(1), new Shape(kernel / 2), new Shape(1), groups).head();
    }

    /**
     * The same convolution over the last axis of every row of {@code [N, in, T, L]} at once (a 2-D convolution with a
     * 1 x kernel window): what {@link #apply} gives for each {@code [N, in, L]} slice at a fixed T, without moving T
     * into the batch axis first.
     */
    public NDArray applyPerRow(ParameterStore ps, NDArray x) {
        NDArray w = ps.getValue(weight, x.getDevice(), false);
        Shape s = w.getShape();
        return Conv2d.conv2d(x, w.reshape(s.get(0), s.get(1), 1, s.get(2)), ps.getValue(bias, x.getDevice(), false),
                new Shape(1, 1), new Shape(0, kernel / 2), new Shape(1, 1), groups).head();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(apply(ps, inputs.head()));
    }
}
