package org.notmono.model.lora;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.model.TinyLanguage;
import org.notmono.model.lm.Qwen2Model;
import org.notmono.model.train.LmBatch;
import org.notmono.model.train.LmTrainingStep;
import org.notmono.model.train.NamedAdam;

/** LoRA: a new adapter changes nothing, merge gives the adapted logits, unmerge restores the base bit for bit, only adapters train. */
class LoraTest {
    private static final long[] IDS = {5, 77, 19, 250, 3, 41, 8, 120};
    @TempDir
    Path dir;

    @Test
    void mergeGivesTheAdaptedLogitsAndUnmergeRestoresTheBase() throws IOException {
        try (NDManager manager = NDManager.newBaseManager();
             Qwen2Model model = Qwen2Model.create(TinyLanguage.config(), 3, manager)) {
            float[] base = logits(model, manager);
            Map<String, float[]> baseWeights = snapshot(model.weights());
            LoraConfig config = new LoraConfig(4, 16, List.of("q_proj", "v_proj", "down_proj"), 0.1, LoraConfig.Init.GAUSSIAN);
            LoraAdapters lora = LoraAdapters.attach(model, config, 9);
            assertEquals(2 * 3 * 2, lora.parameters().size());
            assertArrayEquals(base, logits(model, manager), 1e-6f, "B starts at zero: a new adapter changes nothing");
            // make the adapters do something
            lora.parameters().forEach((name, a) -> a.addi(manager.randomNormal(0, 0.05f, a.getShape(), a.getDataType())));
            float[] adapted = logits(model, manager);
            assertTrue(maxDiff(base, adapted) > 1e-2, "adapters change the logits");
            lora.merge();
            assertArrayEquals(adapted, logits(model, manager), 1e-4f);
            for (String module : List.of("model.layers.0.self_attn.q_proj", "model.layers.1.mlp.down_proj")) {
                assertArrayEquals(LoraByHand.merged(baseWeights.get(module + ".weight"), model.weights().get(module + ".weight").getShape(),
                                lora.parameters().get(module + ".lora_A.weight").toFloatArray(),
                                lora.parameters().get(module + ".lora_B.weight").toFloatArray(), 16.0 / 4),
                        model.weights().get(module + ".weight").toFloatArray(), 1e-5f, module + ": merged is W + (alpha / r) B A");
            }
            lora.unmerge();
            Map<String, float[]> unmerged = snapshot(model.weights());
            for (String name : baseWeights.keySet()) {
                assertArrayEquals(baseWeights.get(name), unmerged.get(name), name + ": unmerging restores the weight bit for bit");
            }
            assertArrayEquals(adapted, logits(model, manager), 1e-4f);
            lora.save(dir.resolve("lora.safetensors"));
            lora.close();
            Map<String, float[]> restored = snapshot(model.weights());
            for (String name : baseWeights.keySet()) {
                assertArrayEquals(baseWeights.get(name), restored.get(name), 1e-5f, name);
            }
            assertArrayEquals(base, logits(model, manager), 1e-5f);
            try (LoraAdapters loaded = LoraAdapters.load(model, config, dir.resolve("lora.safetensors"))) {
                assertArrayEquals(adapted, logits(model, manager), 1e-5f);
            }
            LoraConfig other = new LoraConfig(2, 16, List.of("q_proj", "v_proj", "down_proj"), 0, LoraConfig.Init.ZERO);
            IOException e = assertThrows(IOException.class, () -> LoraAdapters.load(model, other, dir.resolve("lora.safetensors")));
            assertTrue(e.getMessage().contains("lora_"), e.getMessage());
        }
    }

    @Test
    void trainingMovesOnlyTheAdapters() {
        try (NDManager manager = NDManager.newBaseManager();
             Qwen2Model model = Qwen2Model.create(TinyLanguage.config(), 3, manager)) {
            Map<String, float[]> baseWeights = snapshot(model.weights());
            LoraAdapters lora = LoraAdapters.attach(model, new LoraConfig(4, 8, List.of("q_proj", "v_proj", "o_proj", "down_proj"), 0, LoraConfig.Init.ZERO), 1);
            Map<String, float[]> before = snapshot(lora.parameters());
            LmTrainingStep step = new LmTrainingStep(model, new NamedAdam(lora.parameters(), 0), 1.0);
            float first = step.run(m -> batch(model, m), 3e-2f);
            // with B at zero the loss has no gradient in A, so A stays; Adam's first step moves each entry of B by lr
            // (m / sqrt(v) is the sign of its gradient after the bias corrections)
            Map<String, float[]> afterOne = snapshot(lora.parameters());
            for (String name : before.keySet()) {
                if (name.endsWith("lora_A.weight")) {
                    assertArrayEquals(before.get(name), afterOne.get(name), name + " has no gradient while B is zero");
                } else {
                    float[] moved = afterOne.get(name);
                    for (int i = 0; i < moved.length; i++) {
                        assertTrue(Math.abs(moved[i]) <= 3e-2f * (1 + 1e-5f), name + "[" + i + "] moved " + moved[i] + ", more than lr");
                    }
                    assertEquals(3e-2, median(moved), 3e-4, name + ": a typical entry moves by lr");
                }
            }
            float last = first;
            for (int i = 1; i < 20; i++) {
                last = step.run(m -> batch(model, m), 3e-2f);
            }
            // the tiny random head (std 0.02) bounds how far the logits can move: any steady fall shows learning
            assertTrue(last < first - 0.3, "loss " + first + " -> " + last);
            snapshot(model.weights()).forEach((name, w) -> assertArrayEquals(baseWeights.get(name), w, name + " is frozen"));
        }
    }

    /** The median of the absolute values. */
    private static double median(float[] values) {
        double[] abs = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            abs[i] = Math.abs(values[i]);
        }
        java.util.Arrays.sort(abs);
        return abs[abs.length / 2];
    }

    private static LmBatch batch(Qwen2Model model, NDManager m) {
        long[] targets = new long[IDS.length];
        float[] mask = new float[IDS.length];
        for (int i = 0; i + 1 < IDS.length; i++) {
            targets[i] = IDS[i + 1];
            mask[i] = i >= 3 ? 1 : 0;
        }
        return new LmBatch(model.embed(m.create(IDS, new Shape(1, IDS.length))), m.create(targets, new Shape(1, IDS.length)),
                m.create(mask, new Shape(1, IDS.length)));
    }

    private static float[] logits(Qwen2Model model, NDManager manager) {
        try (NDManager m = manager.newSubManager()) {
            return model.forward(model.embed(m.create(IDS, new Shape(1, IDS.length))), null, false).toFloatArray();
        }
    }

    private static Map<String, float[]> snapshot(Map<String, NDArray> arrays) {
        Map<String, float[]> out = new HashMap<>();
        arrays.forEach((k, v) -> out.put(k, v.toFloatArray()));
        return out;
    }

    private static double maxDiff(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }
}
