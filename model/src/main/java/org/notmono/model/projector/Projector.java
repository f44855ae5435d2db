package org.notmono.model.projector;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.notmono.model.encoder.EncoderOutput;
import org.notmono.model.encoder.nn.Dense;
import org.notmono.model.encoder.nn.LastAxisNorm;
import org.notmono.model.encoder.nn.Ops;
import org.notmono.model.encoder.nn.ShapedBlock;

/**
 * Turns the spatial encoder's outputs into audio tokens at the decoder's width: the semantic
 * frames pooled to ~8 per second (mixed with the clip's spatial summary by the chosen design,
 * P0, P1 or P2), then one token per slot (direction, distance, existence, class) and one scene
 * token (room, gate's spatial part, count). The tokens replace {@code <AcousticTokens>}. With
 * class words ({@link ProjectorConfig#classWords()}) each slot token also carries the decoder's
 * embedding of its class's name, weighted by the slot's class probabilities (decision 0012); with
 * {@link ProjectorConfig#slotsAtWordScale()} the slot token's learned part is first rescaled to the words' length
 * (decision 0019). With room words ({@link ProjectorConfig#roomWords()}) the scene token carries the decoder's embedding
 * of the room's size and reverberation words, weighted by the encoder's room estimate
 * ({@link RoomWordWeights}, decision 0017).
 */
public final class Projector extends ShapedBlock {
    private final ProjectorConfig config;
    private final Mlp semantic;
    private final Mlp coordinates;
    private final Mlp geometry;
    private final Mlp absorption;
    private final Mlp count;
    private final Mlp combined;
    private final LastAxisNorm norm;
    private final Mlp bottleneck;
    private final Dense towers;
    private final Mlp slotToken;
    private final Mlp sceneToken;

    public Projector(ProjectorConfig c) {
        this.config = c;
        int h = c.hidden();
        int e = c.semanticDim();
        int spatial = c.spatialSummary();
        switch (c.kind()) {
            case P0 -> {
                semantic = addChildBlock("single", new Mlp(e + spatial, h, c.lmWidth()));
                coordinates = geometry = absorption = count = combined = bottleneck = null;
                norm = null;
                towers = null;
            }
            case P1 -> {
                semantic = addChildBlock("semantic_tower", new Mlp(e, h, h));
                coordinates = addChildBlock("spatial_tower", new Mlp(spatial, h, h));
                towers = addChildBlock("towers", new Dense(2L * h, c.lmWidth()));
                geometry = absorption = count = combined = bottleneck = null;
                norm = null;
            }
            default -> {
                semantic = addChildBlock("semantic_expert", new Mlp(e, h, h));
                coordinates = addChildBlock("coordinate_expert", new Mlp((long) c.slots() * ProjectorConfig.SLOT_FEATURES, h, h));
                geometry = addChildBlock("geometry_expert", new Mlp(1, h, h));
                absorption = addChildBlock("absorption_expert", new Mlp(1, h, h));
                count = addChildBlock("count_expert", new Mlp(1, h, h));
                combined = addChildBlock("combined_expert", new Mlp(h, h, h));
                norm = addChildBlock("norm", new LastAxisNorm(6L * h));
                bottleneck = addChildBlock("bottleneck", new Mlp(6L * h, c.bottleneck(), c.lmWidth()));
                towers = null;
            }
        }
        slotToken = addChildBlock("slot_token", new Mlp(4 + 1 + c.classes(), h, c.lmWidth()));
        sceneToken = addChildBlock("scene_token", new Mlp(2 + e + 1, h, c.lmWidth()));
    }

    public ProjectorConfig config() {
        return config;
    }

    /** Initialises the weights (Xavier, zero biases) in {@code manager}. */
    public void initialize(NDManager manager) {
        initialize(manager, DataType.FLOAT32, new Shape(1));
    }

    /** Audio tokens [B, N + S + 1, d] for the encoder's outputs, by a projector without class or room words. */
    public NDArray apply(ParameterStore ps, EncoderOutput out) {
        return apply(ps, out, null, null);
    }

    /**
     * Audio tokens [B, N + S + 1, d] for the encoder's outputs.
     *
     * @param classWords [C, d] the decoder's embedding of each class's words, when the config names them; else null
     * @param roomWords  [6, d] the decoder's embedding of each room word, when the config names them; else null
     */
    public NDArray apply(ParameterStore ps, EncoderOutput out, NDArray classWords, NDArray roomWords) {
        if (config.classWords().isEmpty() != (classWords == null)) {
            throw new IllegalArgumentException(classWords == null ? "this projector adds class words: pass their embeddings"
                    : "this projector has no class words (its config names none)");
        }
        if (config.roomWords().isEmpty() != (roomWords == null)) {
            throw new IllegalArgumentException(roomWords == null ? "this projector adds room words: pass their embeddings"
                    : "this projector has no room words (its config names none)");
        }
        NDArray frames = pool(out.semanticFrames());
        long b = frames.getShape().get(0);
        long n = frames.getShape().get(1);
        NDArray existence = Activation.sigmoid(out.existenceLogits());
        NDArray p = existence.expandDims(2);
        // the clip's spatial summary: each slot's direction and distance weighted by its existence
        NDArray slotSummary = out.directions().mul(p).concat(out.distances().expandDims(2).mul(p), 2).concat(p, 2)
                .reshape(b, (long) config.slots() * ProjectorConfig.SLOT_FEATURES);
        NDArray expectedCount = existence.sum(new int[] {1}, true);
        NDArray logArea = out.room().get(":, 0:1");
        NDArray meanAbsorption = out.room().get(":, 1:2");
        NDArray frameTokens = switch (config.kind()) {
            case P0 -> semantic.apply(ps, frames.concat(broadcast(slotSummary.concat(out.room(), 1).concat(expectedCount, 1), n), 2));
            case P1 -> towers.apply(ps, semantic.apply(ps, frames).concat(
                    broadcast(coordinates.apply(ps, slotSummary.concat(out.room(), 1).concat(expectedCount, 1)), n), 2));
            case P2 -> {
                NDArray sem = semantic.apply(ps, frames);
                NDArray coord = broadcast(coordinates.apply(ps, slotSummary), n);
                NDArray geo = broadcast(geometry.apply(ps, logArea), n);
                NDArray abs = broadcast(absorption.apply(ps, meanAbsorption), n);
                NDArray cnt = broadcast(count.apply(ps, expectedCount), n);
                NDArray mix = combined.apply(ps, sem.add(coord).add(geo).add(abs).add(cnt));
                NDList experts = new NDList(sem, coord, geo, abs, cnt, mix);
                yield bottleneck.apply(ps, norm.apply(ps, NDArrays.concat(experts, 2)));
            }
        };
        NDArray classes = out.classLogits().softmax(2);
        NDArray slots = slotToken.apply(ps, out.directions().concat(out.distances().expandDims(2), 2).concat(p, 2)
                .concat(classes, 2));
        if (classWords != null) {
            NDArray words = classes.matMul(classWords);
            if (config.slotsAtWordScale()) {
                // Stage 0 grows the learned part to about 23 times the words' length and the decoder stops reading them
                // (decision 0019): the learned part keeps its direction and takes the words' length
                slots = Ops.l2Normalize(slots).mul(Ops.l2Norm(words));
            }
            slots = slots.add(words);
        }
        NDArray scene = sceneToken.apply(ps, out.room().concat(out.spatialPart(), 1).concat(expectedCount, 1));
        if (roomWords != null) {
            scene = scene.add(RoomWordWeights.of(out.room()).matMul(roomWords));
        }
        return frameTokens.concat(slots, 1).concat(scene.expandDims(1), 1);
    }

    /** Averages groups of {@code framePool} semantic frames: [B, T', E] to [B, max(1, T'/pool), E]. */
    private NDArray pool(NDArray frames) {
        long b = frames.getShape().get(0);
        long t = frames.getShape().get(1);
        long e = frames.getShape().get(2);
        int n = config.frames((int) t);
        long pool = t < config.framePool() ? t : config.framePool();
        return frames.get(":, :" + n * pool + ", :").reshape(b, n, pool, e).mean(new int[] {2});
    }

    /** [B, F] repeated over {@code n} frames: [B, n, F]. */
    private static NDArray broadcast(NDArray x, long n) {
        return x.expandDims(1).repeat(1, n);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(apply(ps, new EncoderOutput(inputs)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[7].get(0), config.tokens((int) inputShapes[7].get(1)), config.lmWidth())};
    }
}
