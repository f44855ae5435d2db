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
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Pair;

/**
 * The one Adam of every training stage: PyTorch's formulation, with global-norm gradient
 * clipping and optional decoupled weight decay, over arrays held by name. The decoder LM and
 * its adapters hand their arrays over directly; the encoder of Stage 1 hands over its DJL
 * parameters ({@link #of(Block)}). Moments live beside the arrays and are keyed by name, which
 * is stable across processes (DJL's parameter ids are not), so they are saved with a checkpoint
 * ({@link #save}, {@value #FILE}) and restored on resume ({@link #restore}): a resumed run then
 * takes the same steps an unbroken one would.
 *
 * <p>Each step, with {@code t} the step count, {@code c1 = 1 - beta1^t}, {@code c2 = 1 - beta2^t}
 * and {@code g} the gradient scaled so that all gradients together have an L2 norm of at most
 * the clip:
 * <pre>
 * m = beta1 m + (1 - beta1) g
 * v = beta2 v + (1 - beta2) g^2
 * w = w - lr wd w                                   (AdamW: only when the weight decay wd &gt; 0)
 * w = w - lr / c1 * m / (sqrt(v) / sqrt(c2) + eps)   (PyTorch: eps outside the corrected root)
 * </pre>
 * A weight decay of 0 is plain Adam ({@code torch.optim.Adam}); above 0 it is AdamW's decoupled
 * decay ({@code torch.optim.AdamW}), not an L2 term added to the gradient. Beta1 0.9, beta2
 * 0.999, eps 1e-8.
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

    /**
     * @param parameters  the arrays to train, by name (they are made to collect gradients)
     * @param weightDecay AdamW's decoupled weight decay; 0 for plain Adam
     */
    public NamedAdam(Map<String, NDArray> parameters, float weightDecay) {
        this.parameters = new LinkedHashMap<>(parameters);
        this.weightDecay = weightDecay;
        parameters.values().forEach(p -> p.setRequiresGradient(true));
    }

    /** Plain Adam over the parameters of {@code block} that require gradients, keyed by their DJL names. */
    public static NamedAdam of(Block block) {
        Map<String, NDArray> trainable = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                trainable.put(p.getKey(), p.getValue().getArray());
            }
        }
        return new NamedAdam(trainable, 0);
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

    /** One step at learning rate {@code lr}, gradients first scaled to a global norm of at most {@code clip}; then zeroes them. */
    public void step(float lr, double clip) {
        step(lr, clip, gradientNorm());
    }

    /**
     * The same step when the caller has measured the gradients' global norm already ({@link #gradientNorm}, before this
     * step changed anything): spares measuring it twice.
     */
    public void step(float lr, double clip, double norm) {
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            update(lr, (float) (norm > clip ? clip / norm : 1));
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }

    /**
     * Updates every array from its gradient with DJL's fused Adam kernel ({@code NDArrayEx.adamUpdate}, the one DJL's
     * own Adam calls): one native call per array scales the gradient, updates the weight and both moments in place and
     * then zeroes the gradient (PyTorch accumulates gradients; the next step starts from zero). The kernel computes
     * {@code w -= s m / (sqrt(v) + e)}, which is the formula in the class comment with {@code s = lr sqrt(c2) / c1} and
     * {@code e = eps sqrt(c2)}; its decoupled decay is {@code w -= lr wd w}. It runs with autograd off on the calling
     * thread: libtorch's grad mode is per thread and on by default, and DJL turns it off only on the thread that
     * started the engine, so on any other thread the in-place update of a leaf that requires grad would be refused.
     */
    private void update(float lr, float gradScale) {
        steps++;
        double correction1 = 1 - Math.pow(BETA1, steps);
        double rootCorrection2 = Math.sqrt(1 - Math.pow(BETA2, steps));
        float stepSize = (float) (lr * rootCorrection2 / correction1);
        float epsilon = (float) (EPSILON * rootCorrection2);
        boolean adamW = weightDecay > 0; // with 0, the plain kernel adds 0 x w to the gradient: Adam
        for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
            NDArray weight = e.getValue();
            NDArray m = first.computeIfAbsent(e.getKey(), k -> weight.zerosLike());
            NDArray v = second.computeIfAbsent(e.getKey(), k -> weight.zerosLike());
            // no element-wise clipping (-1): the global norm is clipped through the rescaling
            weight.getNDArrayInternal().adamUpdate(new NDList(weight, weight.getGradient(), m, v), new NDList(weight),
                    lr, stepSize, weightDecay, gradScale, -1f, BETA1, BETA2, epsilon, false, adamW);
        }
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
                String problem = file + ": moment " + name + " " + a.getShape() + " matches no trained array"
                        + (target == null ? "" : " (it is " + target.getShape() + ")") + "; was it written by another stage?";
                list.close(); // after reading the shape: a closed array has none
                throw new IOException(problem);
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
        NDArray copy = moment.duplicate();
        copy.attach(scratch);
        copy.setName(name);
        return copy;
    }
}
