package org.notmono.model.encoder;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.notmono.model.encoder.nn.Dense;
import org.notmono.model.encoder.nn.LastAxisNorm;
import org.notmono.model.encoder.nn.Ops;
import org.notmono.model.encoder.nn.ShapedBlock;

/**
 * The hierarchical spatial encoder (TWNM 4.2.1) with its semantic branch. Input: the 8-channel
 * map {@code [B, 8, T, 129]} and the W channel's log-mel {@code [B, T, melBands]} (see
 * {@link FeatureExtractor}); output: {@link EncoderOutput}.
 */
public final class SpatialEncoder extends ShapedBlock {
    private final EncoderConfig config;
    private final GroupedProjection projection;
    private final List<LayerBlock> blocks = new ArrayList<>();
    private final Dense frameEmbedding;
    private final LastAxisNorm frameNorm;
    private final SemanticEncoder semantic;
    private final AttractorSlots attractors;
    private final SceneHead scene;
    private final SlotHeads heads;

    public SpatialEncoder(EncoderConfig config, int classCount) {
        this.config = config;
        projection = addChildBlock("projection", new GroupedProjection(config));
        for (int i = 0; i < config.blocks(); i++) {
            blocks.add(addChildBlock("block" + i, new LayerBlock(config)));
        }
        frameEmbedding = addChildBlock("frameEmbedding", new Dense((long) config.bands() * config.hidden(), config.embedding()));
        frameNorm = addChildBlock("frameNorm", new LastAxisNorm(config.embedding()));
        semantic = addChildBlock("semantic", new SemanticEncoder(config));
        attractors = addChildBlock("attractors", new AttractorSlots(config));
        scene = addChildBlock("scene", new SceneHead(config));
        heads = addChildBlock("heads", new SlotHeads(config, classCount));
    }

    SlotHeads heads() {
        return heads;
    }

    public EncoderConfig config() {
        return config;
    }

    public EncoderOutput apply(ParameterStore ps, NDArray map, NDArray logMel, boolean training) {
        NDArray x = projection.apply(ps, map, training);
        for (LayerBlock block : blocks) {
            x = block.apply(ps, x);
        }
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        NDArray frames = frameNorm.apply(ps, Ops.silu(frameEmbedding.apply(ps, x.reshape(b, t, -1))));
        NDArray semanticFrames = semantic.apply(ps, logMel);
        NDList room = scene.apply(ps, frames);
        NDList slots = heads.apply(ps, attractors.apply(ps, frames, training), frames, semanticFrames, room.get(1));
        return new EncoderOutput(new NDList(slots.get(0), slots.get(1), slots.get(2), slots.get(3), room.get(2),
                room.get(0), room.get(1), semanticFrames));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return apply(ps, inputs.get(0), inputs.get(1), training).arrays();
    }
}
