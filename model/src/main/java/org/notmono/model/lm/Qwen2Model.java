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
    private ProjectionAdapter adapter = ProjectionAdapter.NONE;

    private Qwen2Model(Qwen2Config config, NDManager manager, Map<String, NDArray> weights) {
        this.config = config;
        this.manager = manager;
        this.weights = weights;
        this.rotary = new Rotary(config.headDim(), config.ropeTheta());
        this.queryHeads = new NDIndex(":, :" + config.heads());
        this.keyHeads = new NDIndex(":, " + config.heads() + ":");
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
        return new KvCache(parent, config.layers());
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
        for (int i = 0; i < config.layers(); i++) {
            String p = Qwen2Layout.layer(i);
            NDArray h = rmsNorm(x, p + "input_layernorm.weight", eps);
            x = x.add(attention(i, h, tables, mask, queryScale, cache, training));
            h = rmsNorm(x, p + "post_attention_layernorm.weight", eps);
            x = x.add(mlp(p, h, training));
        }
        if (cache != null) {
            cache.advance(t);
        }
        return rmsNorm(x, Qwen2Layout.FINAL_NORM, eps);
    }

    /** Output logits [B, T, V] of final hidden states. */
    public NDArray logits(NDArray hidden) {
        String head = config.tieWordEmbeddings() ? Qwen2Layout.EMBED : Qwen2Layout.LM_HEAD;
        return Linear.linear(hidden, weights.get(head), null).head();
    }

    private NDArray attention(int layer, NDArray h, NDList tables, NDArray mask, NDArray queryScale, KvCache cache,
                              boolean training) {
        String p = Qwen2Layout.layer(layer) + "self_attn.";
        long b = h.getShape().get(0);
        long t = h.getShape().get(1);
        int hd = config.headDim();
        int heads = config.heads();
        int kvHeads = config.kvHeads();
        NDArray q = heads(project(p + "q_proj", h, training), b, t, heads);
        NDArray k = heads(project(p + "k_proj", h, training), b, t, kvHeads);
        NDArray v = heads(project(p + "v_proj", h, training), b, t, kvHeads);
        // queries and keys rotated in one pass
        NDArray rotated = rotary.apply(q.concat(k, 1), tables.get(0), tables.get(1));
        q = rotated.get(queryHeads);
        k = rotated.get(keyHeads);
        if (cache != null) {
            NDArray[] full = cache.append(layer, k, v);
            k = full[0];
            v = full[1];
        }
        long s = k.getShape().get(2);
        long group = heads / kvHeads;
        // grouped-query attention without copying keys and values per query head: the `group`
        // query heads that share a key/value head are stacked as extra query rows
        NDArray q3 = q.mul(queryScale).reshape(b * kvHeads, group * t, hd); // scale q, not the scores
        NDArray k3 = inStep(k.reshape(b * kvHeads, s, hd), h.getManager());
        NDArray v3 = inStep(v.reshape(b * kvHeads, s, hd), h.getManager());
        NDArray scores = q3.matMul(k3.transpose(0, 2, 1));
        if (mask != null) {
            scores = scores.add(mask);
        }
        NDArray out = scores.softmax(-1).matMul(v3)
                .reshape(b, heads, t, hd).transpose(0, 2, 1, 3).reshape(b, t, (long) heads * hd);
        return project(p + "o_proj", out, training);
    }

    /** {@code a} moved to {@code step} (arrays computed from the cache's would otherwise live as long as the cache). */
    private static NDArray inStep(NDArray a, NDManager step) {
        a.attach(step);
        return a;
    }

    private NDArray mlp(String p, NDArray h, boolean training) {
        NDArray gate = Ops.silu(project(p + "mlp.gate_proj", h, training));
        NDArray up = project(p + "mlp.up_proj", h, training);
        return project(p + "mlp.down_proj", gate.mul(up), training);
    }

    private NDArray project(String module, NDArray x, boolean training) {
        NDArray y = Linear.linear(x, weights.get(module + ".weight"), weights.get(module + ".bias")).head();
        return adapter.apply(module, x, y, training);
    }

    private NDArray rmsNorm(NDArray x, String weight, NDArray eps) {
        NDArray meanSquare = x.square().mean(new int[] {-1}, true);
        NDArray inverse = meanSquare.add(eps).sqrt();
        return x.div(inverse).mul(weights.get(weight));
    }

    /** [B, T, H*hd] to [B, H, T, hd]. */
    private static NDArray heads(NDArray x, long b, long t, int heads) {
        return x.reshape(b, t, heads, x.getShape().get(2) / heads).transpose(0, 2, 1, 3);
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
