package org.notmono.training.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every run's config.json records what the engine ran on, next to the stage's own config. */
class RunFolderEnvironmentTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void configJsonCarriesTheEnvironmentBlock(@TempDir Path runs) throws IOException {
        ObjectNode config = MAPPER.createObjectNode();
        config.putObject("stage1").put("lr", 0.001);
        RunFolder run = RunFolder.create(runs, "stage1", config);
        JsonNode written = run.config();
        assertEquals(0.001, written.path("stage1").path("lr").asDouble());
        JsonNode env = written.path("environment");
        assertEquals("PyTorch 2.7.1", env.path("engine").asText());
        assertEquals("cpu()", env.path("devices").get(0).asText());
        assertEquals(0, env.path("gpus").asInt());
        assertEquals("bundled jar", env.path("libtorchSource").asText());
        assertEquals("true", env.path("launcher").path("DJL_OFFLINE").asText(), "the build runs tests with DJL offline");
        assertFalse(config.has("environment"), "the caller's config is not changed");
    }
}
