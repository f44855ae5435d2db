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

    /** Updates every trainable parameter from its gradient; temporaries live in {@code step}. */
    void update(NDManager step) {
        steps++;
        float lr = learningRate.getNewValue(++updatesThisProcess); // the schedule counts from the run's start step
        double correction1 = 1 - Math.pow(BETA1, steps);
        double correction2 = 1 - Math.pow(BETA2, steps);
        // scalars as arrays: NDArray.mul(Number) frees its buffer too early (notes/djl-on-cpu.md)
        NDArray beta1 = step.create(BETA1);
        NDArray oneMinusBeta1 = step.create(1 - BETA1);
        NDArray beta2 = step.create(BETA2);
        NDArray oneMinusBeta2 = step.create(1 - BETA2);
        NDArray rootCorrection2 = step.create((float) Math.sqrt(correction2));
        NDArray epsilon = step.create(EPSILON);
        NDArray stepSize = step.create((float) (lr / correction1));
        for (Pair<String, Parameter> p : model.block().getParameters()) {
            if (!p.getValue().requiresGradient()) {
                continue;
            }
            NDArray weight = p.getValue().getArray();
            NDArray gradient = weight.getGradient();
            NDArray m = first.computeIfAbsent(p.getKey(), k -> weight.zerosLike());
            NDArray v = second.computeIfAbsent(p.getKey(), k -> weight.zerosLike());
            try (NDManager scratch = step.newSubManager()) {
                // results attach to their first operand's manager: move them to the scratch one
                m.muli(beta1).addi(in(scratch, gradient.mul(oneMinusBeta1)));
                v.muli(beta2).addi(in(scratch, gradient.square()).muli(oneMinusBeta2));
                NDArray denominator = in(scratch, v.sqrt()).divi(rootCorrection2).addi(epsilon);
                weight.subi(in(scratch, m.div(denominator)).muli(stepSize));
            }
        }
    }

    private static NDArray in(NDManager manager, NDArray array) {
        array.attach(manager);
        return array;
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
        NDArray copy = in(scratch, moment.duplicate());
        copy.setName(name);
        return copy;
    }
}
