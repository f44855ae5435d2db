package org.notmono.model.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.notmono.model.encoder.nn.Dense;
import org.notmono.model.encoder.nn.GroupedConv1d;
import org.notmono.model.encoder.nn.LastAxisNorm;
import org.notmono.model.encoder.nn.MultiHeadAttention;
import org.notmono.model.encoder.nn.Ops;
import org.notmono.model.encoder.nn.ShapedBlock;

/**
 * One layer block on {@code [B, T, F, H]} (TWNM 4.2.1), each part pre-normed and residual:
 * (1) cross-band grouped convolution along frequency; (2) full-band linear interaction that
 * squeezes the frequency axis through an 8-dim bottleneck; (3) narrow-band modelling, every
 * band on its own along time: self-attention, a depthwise temporal convolution and a
 * feed-forward layer.
 */
public final class LayerBlock extends ShapedBlock {
    private final LastAxisNorm crossBandNorm;
    private final GroupedConv1d crossBand;
    private final LastAxisNorm fullBandNorm;
    private final Dense fullBandDown;
    private final Dense fullBandUp;
    private final LastAxisNorm attentionNorm;
    private final MultiHeadAttention attention;
    private final LastAxisNorm temporalNorm;
    private final GroupedConv1d temporal;
    private final LastAxisNorm feedForwardNorm;
    private final Dense feedForwardIn;
    private final Dense feedForwardOut;

    public LayerBlock(EncoderConfig c) {
        int h = c.hidden();
        crossBandNorm = addChildBlock("crossBandNorm", new LastAxisNorm(h));
        crossBand = addChildBlock("crossBand", new GroupedConv1d(h, h, c.crossBandKernel(), c.crossBandGroups()));
        fullBandNorm = addChildBlock("fullBandNorm", new LastAxisNorm(h));
        fullBandDown = addChildBlock("fullBandDown", new Dense(c.bands(), c.bottleneck()));
        fullBandUp = addChildBlock("fullBandUp", new Dense(c.bottleneck(), c.bands()));
        attentionNorm = addChildBlock("attentionNorm", new LastAxisNorm(h));
        attention = addChildBlock("attention", new MultiHeadAttention(h, c.heads()));
        temporalNorm = addChildBlock("temporalNorm", new LastAxisNorm(h));
        temporal = addChildBlock("temporal", new GroupedConv1d(h, h, c.temporalKernel(), h));
        feedForwardNorm = addChildBlock("feedForwardNorm", new LastAxisNorm(h));
        feedForwardIn = addChildBlock("feedForwardIn", new Dense(h, c.feedForward()));
        feedForwardOut = addChildBlock("feedForwardOut", new Dense(c.feedForward(), h));
    }

    public NDArray apply(ParameterStore ps, NDArray x) {
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        long f = x.getShape().get(2);
        long h = x.getShape().get(3);
        // (1) cross-band: convolve along frequency, frame by frame
        NDArray perFrame = crossBandNorm.apply(ps, x).reshape(b * t, f, h).transpose(0, 2, 1);
        x = x.add(Ops.silu(crossBand.apply(ps, perFrame)).transpose(0, 2, 1).reshape(b, t, f, h));
        // (2) full-band: mix all bands of a channel through the bottleneck
        NDArray bandsLast = fullBandNorm.apply(ps, x).transpose(0, 1, 3, 2);
        NDArray mixed = fullBandUp.apply(ps, Ops.silu(fullBandDown.apply(ps, bandsLast)));
        x = x.add(mixed.transpose(0, 1, 3, 2));
        // (3) narrow-band: each band is a sequence over time
        NDArray seq = x.transpose(0, 2, 1, 3).reshape(b * f, t, h);
        NDArray normed = attentionNorm.apply(ps, seq);
        seq = seq.add(attention.apply(ps, normed, normed));
        NDArray conv = temporal.apply(ps, temporalNorm.apply(ps, seq).transpose(0, 2, 1));
        seq = seq.add(Ops.silu(conv).transpose(0, 2, 1));
        seq = seq.add(feedForwardOut.apply(ps, Ops.silu(feedForwardIn.apply(ps, feedForwardNorm.apply(ps, seq)))));
        return seq.reshape(b, f, t, h).transpose(0, 2, 1, 3);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(apply(ps, inputs.head()));
    }
}
