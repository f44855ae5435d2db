package org.notmono.model.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.notmono.model.encoder.nn.ShapedBlock;

/**
 * Recursive attractors (EEND-EDA style): an LSTM reads the frame embeddings {@code [B, T, E]},
 * and a second LSTM, fed the first one's summary at every step, emits one attractor per slot
 * {@code [B, S, E]}, each step conditioned on the ones before it.
 */
public final class AttractorSlots extends ShapedBlock {
    private final LSTM reader;
    private final LSTM emitter;
    private final int embedding;
    private final int slots;

    public AttractorSlots(EncoderConfig c) {
        embedding = c.embedding();
        slots = c.slots();
        reader = addChildBlock("reader", lstm(embedding));
        emitter = addChildBlock("emitter", lstm(embedding));
    }

    private static LSTM lstm(int size) {
        return LSTM.builder().setStateSize(size).setNumLayers(1).optBatchFirst(true).optReturnState(false).build();
    }

    public NDArray apply(ParameterStore ps, NDArray frames, boolean training) {
        NDArray read = reader.forward(ps, new NDList(frames), training).head();
        long length = read.getShape().get(1);
        NDArray summary = read.get(":, " + (length - 1) + ":" + length); // [B, 1, E]
        NDArray steps = summary.repeat(1, slots);
        return emitter.forward(ps, new NDList(steps), training).head();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block child : children.values()) {
            child.initialize(manager, dataType, new Shape(1, 1, embedding));
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(apply(ps, inputs.head(), training));
    }
}
