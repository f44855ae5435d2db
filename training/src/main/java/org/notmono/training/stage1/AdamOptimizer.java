package org.notmono.training.stage1;

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
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import org.notmono.model.encoder.EncoderModel;

/**
 * Adam (PyTorch's formulation, no weight decay) whose moments can be saved with a checkpoint
 * and restored on resume, so a resumed run takes the same steps an unbroken one would. DJL's
 * own Adam keeps its moments private. Moments are keyed by parameter name, which is stable
 * across processes (DJL's parameter ids are not).
 */
final class AdamOptimizer {
    static final String FILE = "optimizer.ndlist";
    private static final String STEP = "adam/step";
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private final EncoderModel model;
    private final Tracker learningRate;
    private final Map<String, NDArray> first = new LinkedHashMap<>();
    private final Map<String, NDArray> second = new LinkedHashMap<>();
    private long steps;
    private int updatesThisProcess;

    AdamOptimizer(EncoderModel model, Tracker learningRate) {
        this.model = model;
        this.learningRate = learningRate;
    }

    /**
     * Updates every trainable parameter from its gradient with DJL's fused Adam kernel
     * ({@code NDArrayEx.adamUpdate}, the one DJL's own Adam calls): one native call per parameter
     * updates the weight, the first and the second moment in place. That kernel computes
     * {@code w -= c * m / (sqrt(v) + e)}; PyTorch's Adam is
     * {@code w -= lr / c1 * m / (sqrt(v) / sqrt(c2) + eps)} with {@code c1 = 1 - beta1^t},
     * {@code c2 = 1 - beta2^t}, which is the same with {@code c = lr sqrt(c2) / c1} and
     * {@code e = eps sqrt(c2)}. Runs with autograd off on the calling thread (libtorch's grad mode
     * is per thread). The kernel zeroes each gradient after its update.
     */
    void update() {
        steps++;
        float lr = learningRate.getNewValue(++updatesThisProcess); // the schedule counts from the run's start step
        double correction1 = 1 - Math.pow(BETA1, steps);
        double rootCorrection2 = Math.sqrt(1 - Math.pow(BETA2, steps));
        float stepSize = (float) (lr * rootCorrection2 / correction1);
        float epsilon = (float) (EPSILON * rootCorrection2);
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            for (Pair<String, Parameter> p : model.block().getParameters()) {
                if (!p.getValue().requiresGradient()) {
                    continue;
                }
                NDArray weight = p.getValue().getArray();
                NDArray m = first.computeIfAbsent(p.getKey(), k -> weight.zerosLike());
                NDArray v = second.computeIfAbsent(p.getKey(), k -> weight.zerosLike());
                // no rescaling (1), no element-wise clipping (-1: the global norm is clipped before), no weight decay
                weight.getNDArrayInternal().adamUpdate(new NDList(weight, weight.getGradient(), m, v), new NDList(weight),
                        lr, stepSize, 0f, 1f, -1f, BETA1, BETA2, epsilon, false, false);
            }
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }

    long steps() {
        return steps;
    }

    /** Writes the moments and the step count to {@code file}. */
    void save(Path file) throws IOException {
        try (NDManager scratch = model.manager().newSubManager()) {
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

    /** Reads what {@link #save} wrote; an unknown or misshapen moment is named in the error. */
    void restore(Path file) throws IOException {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        model.block().getParameters().forEach(p -> parameters.put(p.getKey(), p.getValue()));
        NDList list;
        try (InputStream in = Files.newInputStream(file)) {
            list = NDList.decode(model.manager(), in);
        }
        for (NDArray a : list) {
            String name = a.getName();
            if (STEP.equals(name)) {
                steps = a.getLong();
                a.close();
                continue;
            }
            String parameter = name == null || name.length() < 2 ? "" : name.substring(2);
            Parameter target = parameters.get(parameter);
            if (target == null || !target.getArray().getShape().equals(a.getShape())) {
                throw new IOException(file + ": moment " + name + " " + a.getShape() + " matches no parameter of the model");
            }
            (name.startsWith("m/") ? first : second).put(parameter, a);
        }
    }

    private static NDArray named(NDArray moment, String name, NDManager scratch) {
        NDArray copy = moment.duplicate();
        copy.attach(scratch);
        copy.setName(name);
        return copy;
    }
}
