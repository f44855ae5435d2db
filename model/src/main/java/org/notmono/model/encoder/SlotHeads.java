package org.notmono.model.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.notmono.model.encoder.nn.Dense;
import org.notmono.model.encoder.nn.LastAxisNorm;
import org.notmono.model.encoder.nn.MultiHeadAttention;
import org.notmono.model.encoder.nn.Ops;
import org.notmono.model.encoder.nn.ShapedBlock;

/**
 * Slot cross-attention and the per-slot heads: the attractors query the frame embeddings,
 * then give an existence logit, a unit direction (L2-normalised), a distance (softplus, m) and
 * class logits; the class head also reads the semantic frames and the gate's semantic part.
 */
public final class SlotHeads extends ShapedBlock {
    private final LastAxisNorm queryNorm;
    private final MultiHeadAttention frameAttention;
    private final LastAxisNorm feedForwardNorm;
    private final Dense feedForwardIn;
    private final Dense feedForwardOut;
    private final MultiHeadAttention semanticAttention;
    private final Dense existence;
    private final Dense direction;
    private final Dense distance;
    private final Dense classes;

    public SlotHeads(EncoderConfig c, int classCount) {
        int e = c.embedding();
        queryNorm = addChildBlock("queryNorm", new LastAxisNorm(e));
        frameAttention = addChildBlock("frameAttention", new MultiHeadAttention(e, c.heads()));
        feedForwardNorm = addChildBlock("feedForwardNorm", new LastAxisNorm(e));
        feedForwardIn = addChildBlock("feedForwardIn", new Dense(e, 2L * e));
        feedForwardOut = addChildBlock("feedForwardOut", new Dense(2L * e, e));
        semanticAttention = addChildBlock("semanticAttention", new MultiHeadAttention(e, c.heads()));
        existence = addChildBlock("existence", new Dense(e, 1));
        direction = addChildBlock("direction", new Dense(e, 3));
        distance = addChildBlock("distance", new Dense(e, 1));
        classes = addChildBlock("classes", new Dense(3L * e, classCount));
    }

    /** @return existence logits [B, S], directions [B, S, 3], distances [B, S], class logits [B, S, C] */
    public NDList apply(ParameterStore ps, NDArray attractors, NDArray frames, NDArray semanticFrames, NDArray semanticPart) {
        NDArray slots = attractors.add(frameAttention.apply(ps, queryNorm.apply(ps, attractors), frames));
        slots = slots.add(feedForwardOut.apply(ps, Ops.silu(feedForwardIn.apply(ps, feedForwardNorm.apply(ps, slots)))));
        NDArray heard = semanticAttention.apply(ps, slots, semanticFrames);
        long slotCount = slots.getShape().get(1);
        NDArray clipSemantic = semanticPart.expandDims(1).repeat(1, slotCount);
        NDArray classInput = NDArrays.concat(new NDList(slots, heard, clipSemantic), -1);
        return new NDList(
                existence.apply(ps, slots).squeeze(-1),
                Ops.l2Normalize(direction.apply(ps, slots)),
                Ops.softplus(distance.apply(ps, slots)).squeeze(-1),
                classes.apply(ps, classInput));
    }

    /** The layer whose outputs are indexed by the class vocabulary. */
    Dense classLayer() {
        return classes;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        return apply(ps, in.get(0), in.get(1), in.get(2), in.get(3));
    }
}
