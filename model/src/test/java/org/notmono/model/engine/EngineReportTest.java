package org.notmono.model.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The doctor's facts on this CPU-only machine: the bundled CPU libtorch, the CPU and no GPU. */
class EngineReportTest {

    @Test
    void thisMachineHasTheBundledCpuLibtorchAndNoGpu() throws IOException {
        Map<String, String> env = Map.of("DJL_OFFLINE", "true", "NOTMONO_DEVICE", "cpu", "PYTORCH_FLAVOR", "cpu",
                "HOME", "/nowhere", "NOTMONO_LIBTORCH", "bundled");
        EngineReport r = EngineReport.collect(env);
        assertEquals("PyTorch 2.7.1", r.engine());
        assertNull(r.engineError());
        assertEquals(List.of("cpu()"), r.devices());
        assertEquals(0, r.gpus());
        assertFalse(r.cudaBuild());
        assertFalse(r.features().contains("CUDA"), r.features().toString());
        assertNull(r.cuda());
        assertEquals("bundled jar", r.libtorchSource());
        assertTrue(Files.isRegularFile(Path.of(r.libtorch()).resolve("libtorch.so")), r.libtorch());
        assertTrue(r.intraOpThreads() >= 1 && r.interOpThreads() >= 1);
        assertEquals(Runtime.getRuntime().availableProcessors(), r.processors());
        assertTrue(r.machineBytes() > 1L << 30, "machine memory " + r.machineBytes());
        assertFalse(r.downloadsAllowed());
        // only the launcher's variables, in the documented order; HOME is not one
        assertEquals(List.of("NOTMONO_LIBTORCH", "NOTMONO_DEVICE", "DJL_OFFLINE", "PYTORCH_FLAVOR"), List.copyOf(r.launcher().keySet()));

        Map<String, String> rows = Map.ofEntries(r.rows().toArray(Map.Entry[]::new));
        assertEquals("cpu()", rows.get("Devices"));
        assertEquals("not available (CPU build of libtorch)", rows.get("CUDA"));
        assertTrue(rows.get("libtorch").contains("extracted from the bundled pytorch-native-cpu 2.7.1-20250812 (linux-x86_64) jar"),
                rows.get("libtorch"));
        assertTrue(rows.get("Environment").contains("NOTMONO_DEVICE=cpu"), rows.get("Environment"));

        JsonNode json = new ObjectMapper().readTree(r.toJson().toString());
        assertEquals("PyTorch 2.7.1", json.get("engine").asText());
        assertEquals(0, json.get("gpus").asInt());
        assertEquals("cpu()", json.get("devices").get(0).asText());
        assertEquals(r.intraOpThreads(), json.get("threads").get("intraOp").asInt());
        assertEquals("cpu", json.get("launcher").get("NOTMONO_DEVICE").asText());
        assertFalse(json.get("downloadsAllowed").asBoolean());
    }

    @Test
    void downloadsAreAllowedOnlyWhenDjlIsNotOffline() {
        assertTrue(EngineReport.collect(Map.of("DJL_OFFLINE", "false")).downloadsAllowed());
        assertFalse(EngineReport.collect(Map.of("DJL_OFFLINE", "TRUE")).downloadsAllowed());
    }

    @Test
    void aLibtorchFolderOnPytorchLibraryPathIsNamedAsTheSource(@TempDir Path dir) throws IOException {
        Path lib = Files.createDirectories(dir.resolve("torch/lib"));
        Files.writeString(lib.resolve("libtorch.so"), "");
        assertEquals("PYTORCH_LIBRARY_PATH", EngineReport.source(lib.toString(), dir + ":" + lib));
        assertEquals("PYTORCH_LIBRARY_PATH", EngineReport.source(lib.toString(), lib.resolve("libtorch.so").toString()));
        // DJL skips an entry without libtorch and falls back to the jar on the class path
        assertEquals("bundled jar", EngineReport.source("/cache/pytorch/2.7.1-cpu", lib.toString()));
        assertEquals("bundled jar", EngineReport.source("/cache/pytorch/2.7.1-cpu", null));
    }
}
