package org.notmono.training.stage1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;
import org.notmono.model.encoder.EncoderConfig;
import org.notmono.model.encoder.EncoderModel;

/** The fused native update against PyTorch's Adam written out in doubles. */
class AdamOptimizerTest {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    @Test
    void threeStepsMatchPyTorchsAdamFormula() {
        float lr = 0.01f;
        try (EncoderModel model = EncoderModel.create(EncoderConfig.named("tiny"), List.of("a", "b", "c"), 1, Device.cpu())) {
            model.attachGradients();
            AdamOptimizer adam = new AdamOptimizer(model, Tracker.fixed(lr));
            Pair<String, Parameter> first = model.block().getParameters().stream()
                    .filter(p -> p.getValue().requiresGradient()).findFirst().orElseThrow();
            NDArray weight = first.getValue().getArray();
            float[] w0 = weight.toFloatArray();
            float[] g = new float[w0.length];
            for (int i = 0; i < g.length; i++) {
                g[i] = (float) Math.sin(i * 0.7) * (i % 5 == 0 ? 1e-3f : 1f); // some gradients tiny: epsilon matters little, the ratio does
            }
            // a backward pass gives the weight a gradient tensor (until then getGradient returns a detached zero array)
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(weight.sum());
            }
            // the same gradient every step: Adam's moments then follow closed forms in the step count
            int steps = 3;
            for (int t = 0; t < steps; t++) {
                NDArray gradient = weight.getGradient(); // in place: the native gradient the update reads
                gradient.subi(gradient).addi(weight.getManager().create(g, weight.getShape()));
                adam.update();
            }
            float[] w = weight.toFloatArray();
            for (int i = 0; i < w0.length; i++) {
                double m = 0, v = 0, expected = w0[i];
                for (int t = 1; t <= steps; t++) {
                    m = BETA1 * m + (1 - BETA1) * g[i];
                    v = BETA2 * v + (1 - BETA2) * g[i] * g[i];
                    double mHat = m / (1 - Math.pow(BETA1, t));
                    double vHat = v / (1 - Math.pow(BETA2, t));
                    expected -= lr * mHat / (Math.sqrt(vHat) + EPSILON);
                }
                assertEquals(expected, w[i], 2e-6, "element " + i);
            }
            assertEquals(steps, adam.steps());
        }
    }
}
