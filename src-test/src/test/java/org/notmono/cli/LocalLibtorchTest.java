package org.notmono.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "own libtorch" path end to end with the one libtorch 2.7.1 this machine has, the CPU
 * build: a fresh JVM with the variables the launcher sets loads it from PYTORCH_LIBRARY_PATH,
 * takes the JNI library for its flavour from the pytorch-jni jar with DJL offline, and
 * {@code notmono doctor} names where it came from.
 */
class LocalLibtorchTest {

    @Test
    void doctorReportsALibtorchLoadedFromPytorchLibraryPath(@TempDir Path dir) throws Exception {
        Engine.getInstance();
        Path extracted = Path.of(LibUtils.getLibtorchPath());
        Path lib = Files.createDirectories(dir.resolve("torch/lib"));
        try (Stream<Path> files = Files.list(extracted)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("lib(c10|gomp|torch).*\\.so.*")).toList()) {
                Files.createSymbolicLink(lib.resolve(f.getFileName()), f);
            }
        }
        Path cache = dir.resolve("cache");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "org.notmono.app.Main", "doctor", "--json");
        Map<String, String> env = pb.environment();
        env.clear();
        env.putAll(Map.of("PATH", "/usr/bin:/bin", "HOME", dir.toString(), "NOTMONO_HOME", dir.resolve("home").toString(),
                "DJL_OFFLINE", "true", "OPT_OUT_TRACKING", "true", "DJL_CACHE_DIR", cache.toString(),
                "PYTORCH_LIBRARY_PATH", lib.toString(), "PYTORCH_FLAVOR", "cpu", "PYTORCH_VERSION", "2.7.1"));
        Process p = pb.redirectError(dir.resolve("stderr.txt").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("stderr.txt")));

        JsonNode json = new ObjectMapper().readTree(out);
        assertEquals("PyTorch 2.7.1", json.get("engine").asText());
        assertEquals(lib.toString(), json.get("libtorch").asText());
        assertEquals("PYTORCH_LIBRARY_PATH", json.get("libtorchSource").asText());
        assertEquals(1, json.get("devices").size());
        assertEquals("cpu()", json.get("devices").get(0).asText());
        assertTrue(Files.isRegularFile(cache.resolve("pytorch/2.7.1-cpu-linux-x86_64/0.36.0-libdjl_torch.so")),
                "the JNI library of the 'cpu' flavour came from the jar into the cache");
        assertEquals("cpu", json.get("launcher").get("PYTORCH_FLAVOR").asText());
    }
}
