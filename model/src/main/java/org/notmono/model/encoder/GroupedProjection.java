package org.notmono.model.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.notmono.model.encoder.nn.GroupBatchNorm;
import org.notmono.model.encoder.nn.GroupedConv1d;
import org.notmono.model.encoder.nn.Ops;
import org.notmono.model.encoder.nn.ShapedBlock;

/**
 * Grouped spectral projection: the 8-channel map {@code [B, 8, T, F]} goes through a 1-D
 * convolution along frequency in 4 groups (one per FOA channel: its re and im), group batch
 * norm and SiLU, then is average-pooled in frequency and time to {@code [B, T', F', hidden]}.
 */
public final class GroupedProjection extends ShapedBlock {
    private final EncoderConfig config;
    private final GroupedConv1d conv;
    private final GroupBatchNorm norm;

    public GroupedProjection(EncoderConfig config) {
        this.config = config;
        conv = addChildBlock("conv", new GroupedConv1d(EncoderConfig.CHANNELS, config.hidden(), config.projectionKernel(),
                config.projectionGroups()));
        norm = addChildBlock("groupNorm", new GroupBatchNorm(config.projectionGroups()));
    }

    public NDArray apply(ParameterStore ps, NDArray map, boolean training) {
        long frames = map.getShape().get(2);
        // [B, 8, T, F] -> [B, H, T, F]: the convolution along frequency, frame by frame; the group batch norm's groups
        // hold the same elements as with the frames in the batch axis, so its statistics are the same
        NDArray x = Ops.silu(norm.apply(ps, conv.applyPerRow(ps, map), training));
        boolean wholeGroups = frames >= config.timePool();
        x = pool(x, wholeGroups ? config.timePool() : 1, config.frequencyPool()).transpose(0, 2, 3, 1); // [B, T', F', H]
        return wholeGroups ? x : poolTime(x, config.timePool());
    }

    /**
     * Averages {@code [N, C, T, F]} over groups of {@code timePool} frames and {@code frequencyPool} bins, remainders
     * dropped, with libtorch's average pooling: one op forward and one backward, where slices, copying reshapes of the
     * full-resolution map and means took several (docs/encoder.md, "Training speed").
     */
    static NDArray pool(NDArray x, int timePool, int frequencyPool) {
        if (timePool == 1 && frequencyPool == 1) {
            return x;
        }
        Shape window = new Shape(timePool, frequencyPool);
        return Pool.avgPool2d(x, window, window, new Shape(0, 0), false, true);
    }

    /** Averages groups of {@code pool} frames of {@code [B, T, ...]}; a remainder shorter than a group is dropped. */
    static NDArray poolTime(NDArray x, int pool) {
        if (pool == 1) {
            return x;
        }
        long frames = x.getShape().get(1);
        long pooled = Math.max(1, frames / pool);
        long take = Math.min(frames, pooled * pool);
        NDArray kept = x.get(":, :" + take);
        long[] dims = kept.getShape().getShape();
        long[] grouped = new long[dims.length + 1];
        grouped[0] = dims[0];
        grouped[1] = pooled;
        grouped[2] = take / pooled;
        System.arraycopy(dims, 2, grouped, 3, dims.length - 2);
        return kept.reshape(grouped).mean(new int[] {2});
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(apply(ps, inputs.head(), training));
    }
}
