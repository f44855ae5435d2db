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
        long batch = map.getShape().get(0);
        long frames = map.getShape().get(2);
        long bins = map.getShape().get(3);
        NDArray perFrame = map.transpose(0, 2, 1, 3).reshape(batch * frames, EncoderConfig.CHANNELS, bins);
        NDArray x = Ops.silu(norm.apply(ps, conv.apply(ps, perFrame), training)); // [B*T, H, F]
        int pool = config.frequencyPool();
        long bands = bins / pool;
        x = poolFrequency(x, pool);
        x = x.reshape(batch, frames, config.hidden(), bands).transpose(0, 1, 3, 2); // [B, T, F', H]
        return poolTime(x, config.timePool());
    }

    /**
     * Averages groups of {@code pool} bins along the last axis of {@code [N, C, F]}; a remainder shorter than a group is
     * dropped. libtorch's average pooling does it in one op forward and one backward, where a slice, a copying reshape of
     * the full-resolution map and a mean took three (docs/benchmarks.md, Encoder).
     */
    static NDArray poolFrequency(NDArray x, int pool) {
        return pool == 1 ? x : Pool.avgPool1d(x, new Shape(pool), new Shape(pool), new Shape(0), false, true);
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
