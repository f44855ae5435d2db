package org.notmono.model.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.notmono.model.encoder.nn.Dense;
import org.notmono.model.encoder.nn.GroupedConv1d;
import org.notmono.model.encoder.nn.LastAxisNorm;
import org.notmono.model.encoder.nn.Ops;
import org.notmono.model.encoder.nn.ShapedBlock;

/**
 * The semantic branch: a small log-mel encoder on the W channel (in place of TWNM's Whisper,
 * which cannot be downloaded here), trained through the class head. Its frames
 * {@code [B, T', E]} are the semantic features the projector reads.
 */
public final class SemanticEncoder extends ShapedBlock {
    private final EncoderConfig config;
    private final LastAxisNorm inputNorm;
    private final Dense input;
    private final GroupedConv1d temporal;
    private final LastAxisNorm outputNorm;

    public SemanticEncoder(EncoderConfig c) {
        config = c;
        inputNorm = addChildBlock("inputNorm", new LastAxisNorm(c.melBands()));
        input = addChildBlock("input", new Dense(c.melBands(), c.embedding()));
        temporal = addChildBlock("temporal", new GroupedConv1d(c.embedding(), c.embedding(), 5, 1));
        outputNorm = addChildBlock("outputNorm", new LastAxisNorm(c.embedding()));
    }

    /** @param logMel {@code [B, T, melBands]} */
    public NDArray apply(ParameterStore ps, NDArray logMel) {
        NDArray x = Ops.silu(input.apply(ps, inputNorm.apply(ps, logMel)));
        x = x.add(Ops.silu(temporal.apply(ps, x.transpose(0, 2, 1))).transpose(0, 2, 1));
        return outputNorm.apply(ps, GroupedProjection.poolTime(x, config.timePool()));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(apply(ps, inputs.head()));
    }
}
