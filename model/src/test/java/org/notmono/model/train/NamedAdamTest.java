package org.notmono.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.model.encoder.EncoderConfig;
import org.notmono.model.encoder.EncoderModel;

/** The fused native update against PyTorch's Adam and AdamW written out by hand in doubles, and the saved moments. */
class NamedAdamTest {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;
    private static final int STEPS = 3;

    @TempDir
    Path dir;

    /** A gradient with some tiny elements: epsilon matters little, the ratio does. */
    private static float[] gradient(int n) {
        float[] g = new float[n];
        for (int i = 0; i < g.length; i++) {
            g[i] = (float) Math.sin(i * 0.7) * (i % 5 == 0 ? 1e-3f : 1f);
        }
        return g;
    }

    /** Sets the gradient of {@code weight} to {@code g} in place (the native gradient the update reads). */
    private static void setGradient(NDArray weight, float[] g) {
        NDArray gradient = weight.getGradient();
        gradient.subi(gradient).addi(weight.getManager().create(g, weight.getShape()));
    }

    /** A backward pass gives the weight a gradient tensor (until then getGradient returns a detached zero array). */
    private static void backward(NDArray weight) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(weight.sum());
        }
    }

    /**
     * PyTorch's Adam (weight decay 0) or AdamW (decoupled decay) after {@link #STEPS} steps with the same gradient, the
     * gradients first scaled to a global norm of at most {@code clip}.
     */
    private static double[] byHand(float[] w0, float[] g, double lr, double weightDecay, double clip) {
        double squares = 0;
        for (float x : g) {
            squares += (double) x * x;
        }
        double scale = Math.min(1, clip / Math.sqrt(squares));
        double[] w = new double[w0.length];
        for (int i = 0; i < w0.length; i++) {
            double gi = g[i] * scale;
            double m = 0, v = 0;
            w[i] = w0[i];
            for (int t = 1; t <= STEPS; t++) {
                m = BETA1 * m + (1 - BETA1) * gi;
                v = BETA2 * v + (1 - BETA2) * gi * gi;
                double mHat = m / (1 - Math.pow(BETA1, t));
                double vHat = v / (1 - Math.pow(BETA2, t));
                w[i] -= lr * weightDecay * w[i];
                w[i] -= lr * mHat / (Math.sqrt(vHat) + EPSILON);
            }
        }
        return w;
    }

    private static void assertClose(double[] expected, float[] actual, double tolerance) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance, "element " + i);
        }
    }

    @Test
    void threeStepsOnAnEncoderMatchPyTorchsAdam() {
        float lr = 0.01f;
        try (EncoderModel model = EncoderModel.create(EncoderConfig.named("tiny"), List.of("a", "b", "c"), 1, Device.cpu())) {
            model.attachGradients();
            NamedAdam adam = NamedAdam.of(model.block());
            NDArray weight = adam.parameters().values().iterator().next();
            float[] w0 = weight.toFloatArray();
            float[] g = gradient(w0.length);
            backward(weight);
            for (int t = 0; t < STEPS; t++) {
                // the other parameters have no gradient tensor yet: their zero gradient moves nothing
                setGradient(weight, g);
                adam.step(lr, Double.MAX_VALUE, adam.gradientNorm());
            }
            assertClose(byHand(w0, g, lr, 0, Double.MAX_VALUE), weight.toFloatArray(), 2e-6);
            assertEquals(STEPS, adam.steps());
            assertArrayEquals(new float[g.length], weight.getGradient().toFloatArray(), "the step zeroes the gradient");
        }
    }

    @Test
    void adamWDecaysTheWeightsApartFromTheGradientAndClipsTheGlobalNorm() {
        float lr = 0.05f;
        float decay = 0.1f;
        double clip = 0.5;
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            float[] w0 = new float[40];
            for (int i = 0; i < w0.length; i++) {
                w0[i] = (float) Math.cos(i * 1.3);
            }
            NDArray weight = manager.create(w0, new Shape(4, 10));
            NamedAdam adam = new NamedAdam(Map.of("w", weight), decay);
            float[] g = gradient(w0.length);
            backward(weight);
            for (int t = 0; t < STEPS; t++) {
                setGradient(weight, g);
                adam.step(lr, clip); // the norm of g is about 3.2: clipped
            }
            assertClose(byHand(w0, g, lr, decay, clip), weight.toFloatArray(), 2e-6);
        }
    }

    /** Both former optimizers (Stage 1's and the LM stages') wrote this list: a step count and named moment pairs. */
    @Test
    void aStateWrittenInTheCheckpointFormatRestoresAndContinues() throws IOException {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray weight = manager.create(new float[] {1, -2, 3, 0.5f}, new Shape(2, 2));
            float[] m = {0.1f, -0.2f, 0.05f, 0f};
            float[] v = {0.01f, 0.04f, 0.002f, 1e-6f};
            long steps = 7;
            Path file = dir.resolve(NamedAdam.FILE);
            NDList list = new NDList(named(manager.create(steps), "adam/step"), named(manager.create(m, new Shape(2, 2)), "m/encoder.w"),
                    named(manager.create(v, new Shape(2, 2)), "v/encoder.w"));
            try (OutputStream out = Files.newOutputStream(file)) {
                list.encode(out);
            }
            NamedAdam adam = new NamedAdam(Map.of("encoder.w", weight), 0);
            adam.restore(file);
            assertEquals(steps, adam.steps());
            float[] w0 = weight.toFloatArray();
            float[] g = {0.3f, 0.3f, -0.1f, 0f};
            backward(weight);
            setGradient(weight, g);
            float lr = 0.01f;
            adam.step(lr, Double.MAX_VALUE);
            long t = steps + 1;
            for (int i = 0; i < w0.length; i++) {
                double mi = BETA1 * m[i] + (1 - BETA1) * g[i];
                double vi = BETA2 * v[i] + (1 - BETA2) * g[i] * g[i];
                double expected = w0[i] - lr * (mi / (1 - Math.pow(BETA1, t))) / (Math.sqrt(vi / (1 - Math.pow(BETA2, t))) + EPSILON);
                assertEquals(expected, weight.toFloatArray()[i], 1e-6, "element " + i);
            }
            assertEquals(t, adam.steps());
        }
    }

    @Test
    void savedMomentsResumeExactlyAndForeignOnesAreNamed() throws IOException {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            float[] w0 = {0.4f, -0.7f, 1.1f};
            float[] g = {0.2f, -0.5f, 0.9f};
            NDArray unbroken = manager.create(w0);
            NamedAdam a = new NamedAdam(Map.of("w", unbroken), 0.01f);
            backward(unbroken);
            NDArray resumed = manager.create(w0);
            NamedAdam b = new NamedAdam(Map.of("w", resumed), 0.01f);
            backward(resumed);
            for (int t = 0; t < 2; t++) {
                setGradient(unbroken, g);
                a.step(0.02f, 1.0);
                setGradient(resumed, g);
                b.step(0.02f, 1.0);
            }
            Path file = dir.resolve(NamedAdam.FILE);
            b.save(file);
            NamedAdam restored = new NamedAdam(Map.of("w", resumed), 0.01f);
            restored.restore(file);
            for (int t = 0; t < 2; t++) {
                setGradient(unbroken, g);
                a.step(0.02f, 1.0);
                setGradient(resumed, g);
                restored.step(0.02f, 1.0);
            }
            assertArrayEquals(unbroken.toFloatArray(), resumed.toFloatArray());
            assertEquals(4, restored.steps());

            NamedAdam other = new NamedAdam(Map.of("x", manager.create(w0)), 0);
            IOException e = assertThrows(IOException.class, () -> other.restore(file));
            assertTrue(e.getMessage().contains("moment m/w (3) matches no trained array"), e.getMessage());
        }
    }

    private static NDArray named(NDArray a, String name) {
        a.setName(name);
        return a;
    }
}
