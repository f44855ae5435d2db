package org.notmono.model.lm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import org.notmono.model.encoder.nn.Ops;
import org.notmono.model.safetensors.SafeTensorType;
import org.notmono.model.safetensors.SafeTensorsReader;
import org.notmono.model.safetensors.SafeTensorsWriter;

/**
 * A Qwen2 decoder (RMSNorm, rotary positions, grouped-query attention with q/k/v biases,
 * SwiGLU, optional tied embeddings) whose weights are held by their Hugging Face names, so
 * our checkpoints and a Hugging Face {@code Qwen2ForCausalLM} folder load the same way.
 * The model owns its manager; arrays computed from an input live in the input's manager.
 */
public final class Qwen2Model implements AutoCloseable {
    private final Qwen2Config config;
    private final NDManager manager;
    private final Map<String, NDArray> weights;
    private final Rotary rotary;
    private final NDIndex queryHeads;
    private final NDIndex keyHeads;
    private final Qwen2Layer[] layers;
    private ProjectionAdapter adapter = ProjectionAdapter.NONE;

    private Qwen2Model(Qwen2Config config, NDManager manager, Map<String, NDArray> weights) {
        this.config = config;
        this.manager = manager;
        this.weights = weights;
        this.rotary = new Rotary(config.headDim(), config.ropeTheta());
        this.queryHeads = new NDIndex(":, :" + config.heads());
        this.keyHeads = new NDIndex(":, " + config.heads() + ":");
        this.layers = new Qwen2Layer[config.layers()];
        for (int i = 0; i < layers.length; i++) {
            layers[i] = Qwen2Layer.of(weights, i);
        }
    }

    /**
     * A freshly initialised model (normal 0.02 for matrices, zero biases, unit norms), the same
     * for the same seed on any engine; it owns a sub-manager of {@code parent}.
     */
    public static Qwen2Model create(Qwen2Config config, long seed, NDManager parent) {
        NDManager m = parent.newSubManager();
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, NDArray> w = new LinkedHashMap<>();
        for (Map.Entry<String, Shape> e : Qwen2Layout.expected(config).entrySet()) {
            String name = e.getKey();
            float[] values = new float[(int) e.getValue().size()];
            if (name.endsWith("norm.weight")) {
                java.util.Arrays.fill(values, 1f);
            } else if (!name.endsWith(".bias")) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) (0.02 * random.nextGaussian());
                }
            }
            NDArray a = m.create(values, e.getValue());
            a.setName(name);
            w.put(name, a);
        }
        return new Qwen2Model(config, m, w);
    }

    /**
     * A model over {@code tensors} (already in {@code manager}, which the model then owns).
     * A missing tensor, one of the wrong shape, or one the config does not know is named.
     */
    public static Qwen2Model of(Qwen2Config config, Map<String, NDArray> tensors, NDManager manager, String source)
            throws IOException {
        Map<String, Shape> expected = Qwen2Layout.expected(config);
        Map<String, NDArray> w = new LinkedHashMap<>();
        for (Map.Entry<String, Shape> e : expected.entrySet()) {
            NDArray a = tensors.get(e.getKey());
            if (a == null) {
                manager.close();
                throw new IOException(source + ": tensor " + e.getKey() + " is missing (the config wants " + e.getValue() + ")");
            }
            if (!a.getShape().equals(e.getValue())) {
                Shape found = a.getShape();
                manager.close();
                throw new IOException(source + ": tensor " + e.getKey() + " has shape " + found + " but the config wants "
                        + e.getValue() + " (checkpoint and config do not match)");
            }
            w.put(e.getKey(), a.getDataType() == DataType.FLOAT32 ? a : a.toType(DataType.FLOAT32, false));
        }
        for (String name : tensors.keySet()) {
            if (!expected.containsKey(name) && !Qwen2Layout.ignorable(name, config)) {
                manager.close();
                throw new IOException(source + ": tensor " + name + " is not part of a Qwen2 model of this config");
            }
        }
        return new Qwen2Model(config, manager, w);
    }

    /** Loads weights from one safetensors file for {@code config}; the model owns a sub-manager of {@code parent}. */
    public static Qwen2Model load(Qwen2Config config, Path safetensors, NDManager parent) throws IOException {
        NDManager m = parent.newSubManager();
        Map<String, NDArray> tensors;
        try {
            tensors = SafeTensorsReader.read(safetensors, m);
        } catch (IOException | RuntimeException e) {
            m.close();
            throw e;
        }
        return of(config, tensors, m, safetensors.toString());
    }

    /**
     * Loads a Hugging Face folder: {@code config.json} and {@code model.safetensors} or its
     * shards (bf16 and f16 are widened to float32).
     */
    public static Qwen2Model loadHuggingFace(Path folder, NDManager parent) throws IOException {
        Path configFile = folder.resolve("config.json");
        if (!Files.isRegularFile(configFile)) {
            throw new IOException(folder + ": no config.json (not a Hugging Face model folder)");
        }
        Qwen2Config config = Qwen2Config.read(configFile);
        NDManager m = parent.newSubManager();
        Map<String, NDArray> tensors;
        try {
            tensors = SafeTensorsReader.readFolder(folder, m);
        } catch (IOException | RuntimeException e) {
            m.close();
            throw e;
        }
        return of(config, tensors, m, folder.toString());
    }

    /** Writes the weights as float32 safetensors with Hugging Face names. */
    public void save(Path file) throws IOException {
        SafeTensorsWriter.write(file, weights, SafeTensorType.F32, Map.of("format", "pt"));
    }

    public Qwen2Config config() {
        return config;
    }

    public NDManager manager() {
        return manager;
    }

    /** The weights by Hugging Face name (the arrays themselves: changing them changes the model). */
    public Map<String, NDArray> weights() {
        return Collections.unmodifiableMap(weights);
    }

    /** Routes every linear projection through {@code adapter} (LoRA); {@link ProjectionAdapter#NONE} removes it. */
    public void setAdapter(ProjectionAdapter adapter) {
        this.adapter = adapter;
    }

    /** Token embeddings [B, T, d] of {@code ids} [B, T] (int64), in the ids' manager. */
    public NDArray embed(NDArray ids) {
        NDArray out = Embedding.embedding(ids, weights.get(Qwen2Layout.EMBED), SparseFormat.DENSE).head();
        out.attach(ids.getManager());
        return out;
    }

    /** A cache to pass to {@link #hidden} for incremental decoding; close it when done. */
    public KvCache newCache(NDManager parent) {
        return newCache(parent, 0);
    }

    /**
     * A cache with room for {@code positions} positions before it has to grow (the prompt and
     * the tokens to generate), so decoding writes each step's keys and values in place.
     */
    public KvCache newCache(NDManager parent, int positions) {
        return new KvCache(parent, config.layers(), config.kvHeads(), positions);
    }

    /** Logits [B, T, V] for input embeddings [B, T, d]; with a cache, positions continue after it. */
    public NDArray forward(NDArray embeds, KvCache cache, boolean training) {
        return logits(hidden(embeds, cache, training));
    }

    /** The final normed hidden states [B, T, d]; appends to {@code cache} when given. */
    public NDArray hidden(NDArray embeds, KvCache cache, boolean training) {
        int past = cache == null ? 0 : cache.length();
        int t = (int) embeds.getShape().get(1);
        NDList tables = rotary.tables(embeds.getManager(), past, t);
        NDArray mask = t == 1 ? null : causalMask(embeds.getManager(), past, t, config.heads() / config.kvHeads());
        // constants once per pass, as arrays (NDArray.mul(Number) is unsafe for gradients, notes/djl-on-cpu.md)
        NDArray eps = Ops.constant(embeds, (float) config.rmsNormEps());
        NDArray queryScale = Ops.constant(embeds, (float) (1 / Math.sqrt(config.headDim())));
        NDArray x = embeds;
        for (int i = 0; i < layers.length; i++) {
            Qwen2Layer layer = layers[i];
            NDArray h = rmsNorm(x, layer.inputNorm(), eps);
            x = x.add(attention(i, layer, h, tables, mask, queryScale, cache, training));
            h = rmsNorm(x, layer.postAttentionNorm(), eps);
            x = x.add(mlp(layer, h, training));
        }
        if (cache != null) {
            cache.advance(t);
        }
        return rmsNorm(x, weights.get(Qwen2Layout.FINAL_NORM), eps);
    }

    /** Output logits [B, T, V] of final hidden states. */
    public NDArray logits(NDArray hidden) {
        String head = config.tieWordEmbeddings() ? Qwen2Layout.EMBED : Qwen2Layout.LM_HEAD;
        return Linear.linear(hidden, weights.get(head), null).head();
    }

    private NDArray attention(int index, Qwen2Layer layer, NDArray h, NDList tables, NDArray mask, NDArray queryScale,
                              KvCache cache, boolean training) {
        long b = h.getShape().get(0);
        long t = h.getShape().get(1);
        int hd = config.headDim();
        int heads = config.heads();
        int kvHeads = config.kvHeads();
        NDArray q = heads(project(layer.q(), h, training), b, t, heads);
        NDArray k = heads(project(layer.k(), h, training), b, t, kvHeads);
        NDArray v = heads(project(layer.v(), h, training), b, t, kvHeads);
        // queries and keys rotated in one pass
        NDArray rotated = rotary.apply(q.concat(k, 1), tables.get(0), tables.get(1));
        q = rotated.get(queryHeads);
        k = rotated.get(keyHeads);
        // keys and values as [B * kvHeads, S, hd], the shape the batched products want
        NDArray k3;
        NDArray v3;
        if (cache != null) {
            NDArray[] full = cache.append(index, k.reshape(b * kvHeads, t, hd), v.reshape(b * kvHeads, t, hd), h.getManager());
            k3 = full[0];
            v3 = full[1];
        } else {
            k3 = k.reshape(b * kvHeads, t, hd);
            v3 = v.reshape(b * kvHeads, t, hd);
        }
        long group = heads / kvHeads;
        // grouped-query attention without copying keys and values per query head: the `group`
        // query heads that share a key/value head are stacked as extra query rows
        NDArray q3 = q.mul(queryScale).reshape(b * kvHeads, group * t, hd); // scale q, not the scores
        NDArray scores = q3.matMul(k3.transpose(0, 2, 1));
        if (mask != null) {
            scores = scores.add(mask);
        }
        NDArray heard = scores.softmax(-1).matMul(v3);
        // [B, H, T, hd] to [B, T, H * hd]; with one position the two orders are the same memory
        NDArray out = t == 1 ? heard.reshape(b, 1, (long) heads * hd)
                : heard.reshape(b, heads, t, hd).transpose(0, 2, 1, 3).reshape(b, t, (long) heads * hd);
        return project(layer.o(), out, training);
    }

    private NDArray mlp(Qwen2Layer layer, NDArray h, boolean training) {
        NDArray gate = Ops.silu(project(layer.gate(), h, training));
        NDArray up = project(layer.up(), h, training);
        return project(layer.down(), gate.mul(up), training);
    }

    private NDArray project(Qwen2Layer.Projection p, NDArray x, boolean training) {
        NDArray y = Linear.linear(x, p.weight(), p.bias()).head();
        return adapter.apply(p.module(), x, y, training);
    }

    private static NDArray rmsNorm(NDArray x, NDArray weight, NDArray eps) {
        NDArray meanSquare = x.square().mean(new int[] {-1}, true);
        NDArray inverse = meanSquare.add(eps).sqrt();
        return x.div(inverse).mul(weight);
    }

    /** [B, T, H*hd] to [B, H, T, hd] (with one position a reshape alone: the same memory). */
    private static NDArray heads(NDArray x, long b, long t, int heads) {
        long hd = x.getShape().get(2) / heads;
        return t == 1 ? x.reshape(b, heads, 1, hd) : x.reshape(b, t, heads, hd).transpose(0, 2, 1, 3);
    }

    /**
     * Additive mask [group * T, past + T] for {@code group} stacked query heads: query row
     * g * T + i (at position past + i) sees keys 0 .. past + i.
     */
    private static NDArray causalMask(NDManager manager, int past, int t, int group) {
        int s = past + t;
        float[] mask = new float[group * t * s];
        for (int g = 0; g < group; g++) {
            for (int i = 0; i < t; i++) {
                for (int j = past + i + 1; j < s; j++) {
                    mask[(g * t + i) * s + j] = Float.NEGATIVE_INFINITY;
                }
            }
        }
        return manager.create(mask, new Shape((long) group * t, s));
    }

    /** Number of weights. */
    public long parameterCount() {
        return weights.values().stream().mapToLong(NDArray::size).sum();
    }

    @Override
    public void close() {
        manager.close();
    }
}
