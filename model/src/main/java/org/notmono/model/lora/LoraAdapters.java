package org.notmono.model.lora;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import org.notmono.model.encoder.nn.Ops;
import org.notmono.model.lm.ProjectionAdapter;
import org.notmono.model.lm.Qwen2Model;
import org.notmono.model.safetensors.SafeTensorType;
import org.notmono.model.safetensors.SafeTensorsReader;
import org.notmono.model.safetensors.SafeTensorsWriter;

/**
 * LoRA adapters on a {@link Qwen2Model}: for every targeted projection W (any layer) a pair
 * A [r, in], B [out, r] such that the projection becomes {@code W x + scale B A x}. The base
 * weights stay as they are (frozen: only {@link #parameters()} train). Merging folds
 * {@code scale B A} into W (for fast inference: one matrix product a targeted projection instead of
 * three); unmerging puts W back exactly as it was. Tensors are
 * named as PEFT names them ({@code base_model.model.<module>.lora_A.weight}).
 */
public final class LoraAdapters implements ProjectionAdapter, AutoCloseable {
    private static final String PREFIX = "base_model.model.";
    private final LoraConfig config;
    private final Qwen2Model model;
    private final NDManager manager;
    private final Map<String, NDArray> parameters = new LinkedHashMap<>();
    private boolean merged;
    /** The targeted base weights as they were before {@link #merge}, while merged. */
    private final Map<String, float[]> unmergedWeights = new LinkedHashMap<>();

    private LoraAdapters(LoraConfig config, Qwen2Model model) {
        this.config = config;
        this.model = model;
        this.manager = model.manager().newSubManager();
    }

    /** New adapters on every targeted projection of {@code model}, installed as its adapter. */
    public static LoraAdapters attach(Qwen2Model model, LoraConfig config, long seed) {
        LoraAdapters a = new LoraAdapters(config, model);
        SplittableRandom random = new SplittableRandom(seed);
        for (Map.Entry<String, NDArray> e : model.weights().entrySet()) {
            String module = module(e.getKey(), config);
            if (module == null) {
                continue;
            }
            long out = e.getValue().getShape().get(0);
            long in = e.getValue().getShape().get(1);
            float[] down = new float[(int) (config.rank() * in)];
            double bound = 1 / Math.sqrt(in); // Kaiming-uniform with a = sqrt(5), as torch's Linear and PEFT
            for (int i = 0; i < down.length; i++) {
                down[i] = (float) (config.init() == LoraConfig.Init.GAUSSIAN
                        ? random.nextGaussian() / config.rank() : (2 * random.nextDouble() - 1) * bound);
            }
            a.put(module + ".lora_A.weight", a.manager.create(down, new Shape(config.rank(), in)));
            a.put(module + ".lora_B.weight", a.manager.zeros(new Shape(out, config.rank())));
        }
        if (a.parameters.isEmpty()) {
            a.close();
            throw new IllegalArgumentException("no projection of the model matches the LoRA targets " + config.targets());
        }
        model.setAdapter(a);
        return a;
    }

    /** Adapters read from {@code file} (written by {@link #save}); a tensor the model lacks or of the wrong shape is named. */
    public static LoraAdapters load(Qwen2Model model, LoraConfig config, Path file) throws IOException {
        LoraAdapters a = attach(model, config, 0);
        try (NDManager scratch = model.manager().newSubManager()) {
            Map<String, NDArray> read = SafeTensorsReader.read(file, scratch);
            for (Map.Entry<String, NDArray> e : read.entrySet()) {
                String name = e.getKey().startsWith(PREFIX) ? e.getKey().substring(PREFIX.length()) : e.getKey();
                NDArray target = a.parameters.get(name);
                if (target == null || !target.getShape().equals(e.getValue().getShape())) {
                    a.close();
                    model.setAdapter(ProjectionAdapter.NONE);
                    throw new IOException(file + ": LoRA tensor " + e.getKey() + " " + e.getValue().getShape()
                            + (target == null ? " matches no adapter of this config" : " but the model wants " + target.getShape()));
                }
                target.set(e.getValue().toFloatArray());
            }
            if (read.size() != a.parameters.size()) {
                a.close();
                model.setAdapter(ProjectionAdapter.NONE);
                throw new IOException(file + ": " + read.size() + " LoRA tensors but the config wants " + a.parameters.size());
            }
        }
        return a;
    }

    public LoraConfig config() {
        return config;
    }

    /** The trainable arrays by name (A and B of every adapter). */
    public Map<String, NDArray> parameters() {
        return java.util.Collections.unmodifiableMap(parameters);
    }

    public boolean merged() {
        return merged;
    }

    @Override
    public NDArray apply(String module, NDArray input, NDArray output, boolean training) {
        NDArray down = parameters.get(module + ".lora_A.weight");
        if (merged || down == null) {
            return output;
        }
        NDArray up = parameters.get(module + ".lora_B.weight");
        NDArray x = training && config.dropout() > 0 ? Dropout.dropout(input, (float) config.dropout(), true).head() : input;
        NDArray delta = Linear.linear(Linear.linear(x, down, null).head(), up, null).head();
        return output.add(Ops.scale(delta, (float) config.scale()));
    }

    /**
     * Folds every adapter into its base weight; the adapters then add nothing until {@link #unmerge}.
     * The base weights are kept as they were (a copy of each targeted weight while merged), so that
     * unmerging restores them bit for bit; adapters merged on top of each other unmerge in the reverse
     * order. A merge that fails part-way puts back the weights it had changed.
     */
    public void merge() {
        if (merged) {
            return;
        }
        try (NDManager scratch = manager.newSubManager()) {
            NDArray factor = scratch.create((float) config.scale());
            for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
                if (!e.getKey().endsWith(".lora_A.weight")) {
                    continue;
                }
                String module = e.getKey().substring(0, e.getKey().length() - ".lora_A.weight".length());
                NDArray weight = model.weights().get(module + ".weight");
                unmergedWeights.put(module + ".weight", weight.toFloatArray());
                NDArray delta = parameters.get(module + ".lora_B.weight").matMul(e.getValue());
                delta.attach(scratch);
                weight.addi(delta.muli(factor));
            }
        } catch (RuntimeException e) {
            restoreBase();
            throw e;
        }
        merged = true;
    }

    /**
     * Takes the adapters back out of the base weights: each is restored to the values it had
     * before {@link #merge} (subtracting the folded product again would leave rounding in them,
     * and Stage 4's reference policy is those weights).
     */
    public void unmerge() {
        if (merged) {
            restoreBase();
            merged = false;
        }
    }

    private void restoreBase() {
        unmergedWeights.forEach((name, values) -> model.weights().get(name).set(values));
        unmergedWeights.clear();
    }

    /** Writes the adapters (PEFT names, float32), atomically. */
    public void save(Path file) throws IOException {
        Map<String, NDArray> named = new LinkedHashMap<>();
        parameters.forEach((k, v) -> named.put(PREFIX + k, v));
        SafeTensorsWriter.write(file, named, SafeTensorType.F32, Map.of("format", "pt"));
    }

    private void put(String name, NDArray array) {
        array.setName(name);
        parameters.put(name, array);
    }

    /** The module of a 2-D weight {@code ...<target>.weight}, or null when not targeted. */
    private static String module(String weight, LoraConfig config) {
        if (!weight.startsWith("model.layers.") || !weight.endsWith(".weight")) {
            return null;
        }
        String module = weight.substring(0, weight.length() - ".weight".length());
        String last = module.substring(module.lastIndexOf('.') + 1);
        return config.targets().contains(last) ? module : null;
    }

    /** Removes the adapters from the model and frees them (unmerge first to restore the base weights). */
    @Override
    public void close() {
        model.setAdapter(ProjectionAdapter.NONE);
        manager.close();
    }
}
