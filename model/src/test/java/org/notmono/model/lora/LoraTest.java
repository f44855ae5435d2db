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
            assertTrue(maxDiff(baseWeights.get("model.layers.0.self_attn.q_proj.weight"),
                    model.weights().get("model.layers.0.self_attn.q_proj.weight").toFloatArray()) > 0, "merging changes a targeted weight");
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
            float first = 0;
            float last = 0;
            for (int i = 0; i < 20; i++) {
                last = step.run(m -> batch(model, m), 3e-2f);
                if (i == 0) {
                    first = last;
                }
            }
            // the tiny random head (std 0.02) bounds how far the logits can move: any steady fall shows learning
            assertTrue(last < first - 0.3, "loss " + first + " -> " + last);
            snapshot(model.weights()).forEach((name, w) -> assertArrayEquals(baseWeights.get(name), w, name + " is frozen"));
            assertTrue(maxDiff(before.get("model.layers.0.self_attn.q_proj.lora_B.weight"),
                    snapshot(lora.parameters()).get("model.layers.0.self_attn.q_proj.lora_B.weight")) > 0);
        }
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
