package org.notmono.model.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.model.safetensors.SafeTensorType;
import org.notmono.model.safetensors.SafeTensorsWriter;

/**
 * A tiny Qwen2 written here in Hugging Face layout loads and gives the logits of an independent
 * numpy implementation (qwen2_reference.py beside the fixture): float32 weights in one file with
 * an untied head, and bfloat16 weights in two shards with a tied head.
 */
class Qwen2ReferenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void float32FolderMatchesNumpy() throws IOException {
        JsonNode fixture = fixture().get("float32_untied");
        try (NDManager manager = NDManager.newBaseManager()) {
            Qwen2Config config = writeConfig(fixture.get("config"));
            SafeTensorsWriter.write(dir.resolve("model.safetensors"), PatternWeights.of(config, manager), SafeTensorType.F32, Map.of());
            assertLogits(fixture, manager, 2e-4);
        }
    }

    @Test
    void bfloat16ShardsWithTiedHeadMatchNumpy() throws IOException {
        JsonNode fixture = fixture().get("bfloat16_tied");
        try (NDManager manager = NDManager.newBaseManager()) {
            Qwen2Config config = writeConfig(fixture.get("config"));
            Map<String, NDArray> all = PatternWeights.of(config, manager);
            Map<String, NDArray> first = new LinkedHashMap<>();
            Map<String, NDArray> second = new LinkedHashMap<>();
            ObjectNode index = JSON.createObjectNode();
            ObjectNode map = index.putObject("weight_map");
            for (Map.Entry<String, NDArray> e : all.entrySet()) {
                boolean early = e.getKey().startsWith("model.embed") || e.getKey().startsWith("model.layers.0.");
                (early ? first : second).put(e.getKey(), e.getValue());
                map.put(e.getKey(), early ? "model-00001-of-00002.safetensors" : "model-00002-of-00002.safetensors");
            }
            SafeTensorsWriter.write(dir.resolve("model-00001-of-00002.safetensors"), first, SafeTensorType.BF16, Map.of());
            SafeTensorsWriter.write(dir.resolve("model-00002-of-00002.safetensors"), second, SafeTensorType.BF16, Map.of());
            JSON.writeValue(dir.resolve("model.safetensors.index.json").toFile(), index);
            assertLogits(fixture, manager, 2e-4);
        }
    }

    private void assertLogits(JsonNode fixture, NDManager manager, double tolerance) throws IOException {
        JsonNode ids = fixture().get("ids");
        try (Qwen2Model model = Qwen2Model.loadHuggingFace(dir, manager)) {
            for (int row = 0; row < ids.size(); row++) {
                long[] tokens = new long[ids.get(row).size()];
                for (int i = 0; i < tokens.length; i++) {
                    tokens[i] = ids.get(row).get(i).asLong();
                }
                try (NDManager step = manager.newSubManager()) {
                    NDArray input = step.create(tokens, new Shape(1, tokens.length));
                    float[] logits = model.forward(model.embed(input), null, false).toFloatArray();
                    JsonNode expected = fixture.get("logits").get(row);
                    int vocab = model.config().vocabSize();
                    double worst = 0;
                    for (int t = 0; t < tokens.length; t++) {
                        for (int v = 0; v < vocab; v++) {
                            worst = Math.max(worst, Math.abs(logits[t * vocab + v] - expected.get(t).get(v).asDouble()));
                        }
                    }
                    assertTrue(worst < tolerance, "largest logit difference " + worst);
                }
            }
        }
    }

    private Qwen2Config writeConfig(JsonNode config) throws IOException {
        Files.writeString(dir.resolve("config.json"), config.toString());
        Qwen2Config c = Qwen2Config.read(dir.resolve("config.json"));
        assertEquals(List.of(37, 16, 2, 4, 2), List.of(c.vocabSize(), c.hiddenSize(), c.layers(), c.heads(), c.kvHeads()));
        return c;
    }

    private static JsonNode fixture() throws IOException {
        try (InputStream in = Qwen2ReferenceTest.class.getResourceAsStream("qwen2_reference.json")) {
            return JSON.readTree(in);
        }
    }
}
