package org.notmono.model.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Adam (PyTorch's formulation, optional decoupled weight decay) over arrays held by name,
 * for models whose weights are not DJL parameters (the decoder LM, its adapters). Moments
 * live beside the arrays and are keyed by name, so they are saved with a checkpoint
 * ({@link #save}, {@value #FILE}) and restored on resume ({@link #restore}): a resumed run then
 * takes the same steps an unbroken one would.
 */
public final class NamedAdam {
    /** The file a checkpoint keeps the moments and the step count in. */
    public static final String FILE = "optimizer.ndlist";
    private static final String STEP = "adam/step";
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;
    private final Map<String, NDArray> parameters;
    private final Map<String, NDArray> first = new LinkedHashMap<>();
    private final Map<String, NDArray> second = new LinkedHashMap<>();
    private final float weightDecay;
    private long steps;

    /** @param parameters the arrays to train (they are made to collect gradients) */
    public NamedAdam(Map<String, NDArray> parameters, float weightDecay) {
        this.parameters = new LinkedHashMap<>(parameters);
        this.weightDecay = weightDecay;
        parameters.values().forEach(p -> p.setRequiresGradient(true));
    }

    public Map<String, NDArray> parameters() {
        return parameters;
    }

    /** Global L2 norm of the gradients. */
    public double gradientNorm() {
        double squares = 0;
        for (NDArray p : parameters.values()) {
            try (NDArray sq = p.getGradient().square(); NDArray sum = sq.sum()) {
                squares += sum.getFloat();
            }
        }
        return Math.sqrt(squares);
    }

    /**
     * One step at learning rate {@code lr}, gradients first scaled to a global norm of at most {@code clip}; then zeroes them.
     * The update runs with autograd off on the calling thread: libtorch's grad mode is per thread and on by default, and
     * DJL turns it off only on the thread that started the engine, so on any other thread the in-place update of a leaf
     * that requires grad would be refused.
     */
    public void step(float lr, double clip, NDManager scratchParent) {
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            update(lr, clip, scratchParent);
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }

    private void update(float lr, double clip, NDManager scratchParent) {
        steps++;
        double norm = gradientNorm();
        float gradScale = (float) (norm > clip ? clip / norm : 1);
        double correction1 = 1 - Math.pow(BETA1, steps);
        double correction2 = 1 - Math.pow(BETA2, steps);
        try (NDManager scratch = scratchParent.newSubManager()) {
            // scalars as arrays: NDArray.mul(Number) frees its buffer too early (notes/djl-on-cpu.md)
            NDArray scale = scratch.create(gradScale);
            NDArray beta1 = scratch.create(BETA1);
            NDArray oneMinusBeta1 = scratch.create(1 - BETA1);
            NDArray beta2 = scratch.create(BETA2);
            NDArray oneMinusBeta2 = scratch.create(1 - BETA2);
            NDArray rootCorrection2 = scratch.create((float) Math.sqrt(correction2));
            NDArray epsilon = scratch.create(EPSILON);
            NDArray stepSize = scratch.create((float) (lr / correction1));
            NDArray decay = scratch.create(1 - lr * weightDecay);
            for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
                NDArray weight = e.getValue();
                NDArray gradient = weight.getGradient();
                NDArray m = first.computeIfAbsent(e.getKey(), k -> weight.zerosLike());
                NDArray v = second.computeIfAbsent(e.getKey(), k -> weight.zerosLike());
                try (NDManager s = scratch.newSubManager()) {
                    NDArray g = in(s, gradient.mul(scale));
                    m.muli(beta1).addi(in(s, g.mul(oneMinusBeta1)));
                    v.muli(beta2).addi(in(s, g.square()).muli(oneMinusBeta2));
                    NDArray denominator = in(s, v.sqrt()).divi(rootCorrection2).addi(epsilon);
                    if (weightDecay > 0) {
                        weight.muli(decay);
                    }
                    weight.subi(in(s, m.div(denominator)).muli(stepSize));
                }
                gradient.subi(gradient); // PyTorch accumulates gradients; the next step starts from zero
            }
        }
    }

    private static NDArray in(NDManager manager, NDArray array) {
        array.attach(manager);
        return array;
    }

    /** The number of steps taken (restored ones included). */
    public long steps() {
        return steps;
    }

    /** Writes the step count and the moments of every trained array ({@code m/NAME}, {@code v/NAME}) to {@code file}. */
    public void save(Path file) throws IOException {
        try (NDManager scratch = manager().newSubManager()) {
            NDList list = new NDList();
            NDArray count = scratch.create(steps);
            count.setName(STEP);
            list.add(count);
            for (String name : first.keySet()) {
                list.add(named(first.get(name), "m/" + name, scratch));
                list.add(named(second.get(name), "v/" + name, scratch));
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                list.encode(out);
            }
        }
    }

    /**
     * Reads what {@link #save} wrote, replacing the moments and the step count; a moment of an
     * array this optimizer does not train, or of another shape, is named in the error.
     */
    public void restore(Path file) throws IOException {
        NDList list;
        try (InputStream in = Files.newInputStream(file)) {
            list = NDList.decode(manager(), in);
        } catch (RuntimeException e) { // DJL reports a corrupt or cut file as a bare runtime exception
            throw new IOException(file + ": unreadable, cut short or corrupt (" + e.getMessage() + ")", e);
        }
        Map<String, NDArray> m = new LinkedHashMap<>();
        Map<String, NDArray> v = new LinkedHashMap<>();
        long count = -1;
        for (NDArray a : list) {
            String name = a.getName() == null ? "" : a.getName();
            if (STEP.equals(name)) {
                count = a.getLong();
                continue;
            }
            String parameter = name.length() > 2 ? name.substring(2) : "";
            NDArray target = parameters.get(parameter);
            if (!(name.startsWith("m/") || name.startsWith("v/")) || target == null || !target.getShape().equals(a.getShape())) {
                list.close();
                throw new IOException(file + ": moment " + name + " " + a.getShape() + " matches no trained array"
                        + (target == null ? "" : " (it is " + target.getShape() + ")") + "; was it written by another stage?");
            }
            (name.startsWith("m/") ? m : v).put(parameter, a);
        }
        if (count < 0 || !m.keySet().equals(v.keySet())) {
            list.close();
            throw new IOException(file + ": no step count or unpaired moments; not an optimizer state written by NamedAdam");
        }
        first.values().forEach(NDArray::close);
        second.values().forEach(NDArray::close);
        first.clear();
        second.clear();
        first.putAll(m);
        second.putAll(v);
        steps = count;
    }

    private NDManager manager() {
        return parameters.values().iterator().next().getManager();
    }

    private static NDArray named(NDArray moment, String name, NDManager scratch) {
        NDArray copy = in(scratch, moment.duplicate());
        copy.setName(name);
        return copy;
    }
}
