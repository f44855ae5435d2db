package org.notmono.model.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.notmono.model.TinyLanguage;

/** The in-place KV cache against one full causal pass, through chunks and buffer growth. */
class KvCacheTest {
    @Test
    void incrementalPassesThroughAGrowingCacheGiveTheFullPassLogits() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Qwen2Model model = Qwen2Model.create(TinyLanguage.config(), 3, manager);
            int d = model.config().hiddenSize();
            int length = 11;
            NDArray embeds = manager.randomNormal(new Shape(2, length, d));
            float[] full = model.forward(embeds, null, false).toFloatArray();
            // room for one position: the buffers must grow (and keep what they held) several times
            try (KvCache cache = model.newCache(manager, 1)) {
                int[] chunks = {3, 1, 1, 4, 1, 1};
                int at = 0;
                for (int chunk : chunks) {
                    NDArray part = embeds.get(":, " + at + ":" + (at + chunk) + ", :");
                    float[] logits = model.forward(part, cache, false).toFloatArray();
                    int vocab = model.config().vocabSize();
                    for (int b = 0; b < 2; b++) {
                        for (int i = 0; i < chunk; i++) {
                            for (int v = 0; v < vocab; v++) {
                                float expected = full[(b * length + at + i) * vocab + v];
                                float got = logits[(b * chunk + i) * vocab + v];
                                assertTrue(Math.abs(expected - got) < 1e-4, "row " + b + " position " + (at + i) + " token " + v
                                        + ": " + got + " vs full pass " + expected);
                            }
                        }
                    }
                    at += chunk;
                }
                assertEquals(length, at);
                assertEquals(length, cache.length());
            }
        }
    }
}
