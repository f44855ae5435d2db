package org.notmono.model.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import org.notmono.model.encoder.nn.Dense;
import org.notmono.model.encoder.nn.MultiHeadAttention;
import org.notmono.model.encoder.nn.Ops;
import org.notmono.model.encoder.nn.ShapedBlock;

/**
 * The clip-level part: a learned gate splits the pooled frame representation {@code [B, E]}
 * into spatial and semantic parts, and a learned scene token attends over the frames and,
 * with the spatial part, estimates the room: log surface area (log m^2) and mean absorption.
 */
public final class SceneHead extends ShapedBlock {
    private final Parameter token;
    private final MultiHeadAttention attention;
    private final Dense gate;
    private final Dense room;
    private final int embedding;

    public SceneHead(EncoderConfig c) {
        embedding = c.embedding();
        token = parameter("token", Parameter.Type.WEIGHT, new Shape(1, 1, embedding), new NormalInitializer(0.02f));
        attention = addChildBlock("attention", new MultiHeadAttention(embedding, c.heads()));
        gate = addChildBlock("gate", new Dense(embedding, embedding));
        room = addChildBlock("room", new Dense(2L * embedding, 2));
    }

    /** @return spatial part [B, E], semantic part [B, E], room [B, 2] (log surface, absorption) */
    public NDList apply(ParameterStore ps, NDArray frames) {
        NDArray pooled = frames.mean(new int[] {1});
        NDArray open = Activation.sigmoid(gate.apply(ps, pooled));
        NDArray spatial = pooled.mul(open);
        NDArray semantic = pooled.mul(Ops.oneMinus(open));
        NDArray query = frames.zerosLike().get(":, :1").add(ps.getValue(token, frames.getDevice(), false));
        NDArray scene = attention.apply(ps, query, frames).squeeze(1);
        NDArray raw = room.apply(ps, NDArrays.concat(new NDList(scene, spatial), -1));
        NDArray logSurface = raw.get(":, 0:1");
        NDArray absorption = Activation.sigmoid(raw.get(":, 1:2"));
        return new NDList(spatial, semantic, NDArrays.concat(new NDList(logSurface, absorption), -1));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return apply(ps, inputs.head());
    }
}
