package org.notmono.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.audio.AudioClip;
import org.notmono.audio.SampleEncoding;
import org.notmono.audio.Wav;

/** {@code notmono doctor} on this CPU-only machine, and the device setting on the commands that compute. */
class DeviceCommandLineTest {

    @Test
    void doctorListsTheCpuAndNoGpu() {
        CommandLineTest.Result r = CommandLineTest.run("doctor");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Engine       PyTorch 2.7.1 (CPU build"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.equals("Devices      cpu()")), r.out());
        assertFalse(r.out().contains("gpu("), r.out());
        assertTrue(r.out().contains("CUDA         not available (CPU build of libtorch)"), r.out());
        assertTrue(r.out().contains("extracted from the bundled pytorch-native-cpu 2.7.1"), r.out());
        assertTrue(r.out().contains("Downloads    off (DJL_OFFLINE=true)"), r.out());
        assertTrue(r.out().contains("Device       cpu() via PyTorch 2.7.1 (setting cpu, from the default)"), r.out());
    }

    @Test
    void doctorJsonHasTheSameFacts() throws IOException {
        CommandLineTest.Result r = CommandLineTest.run("doctor", "--json", "--device", "auto");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("PyTorch 2.7.1", json.get("engine").asText());
        assertEquals(1, json.get("devices").size());
        assertEquals("cpu()", json.get("devices").get(0).asText());
        assertEquals(0, json.get("gpus").asInt());
        assertFalse(json.get("cudaBuild").asBoolean());
        assertTrue(json.get("threads").get("intraOp").asInt() >= 1);
        assertEquals("cpu()", json.get("device").get("device").asText());
        assertEquals("--device", json.get("device").get("source").asText());
        assertTrue(json.get("device").get("fallback").asText().contains("sees no GPU"));
    }

    @Test
    void doctorSaysWhyAGpuCannotBeHad() {
        CommandLineTest.Result r = CommandLineTest.run("doctor", "--device", "gpu:1");
        assertEquals(0, r.code(), "doctor reports, it does not refuse");
        assertTrue(r.out().contains("Device       --device gpu:1: PyTorch 2.7.1 (CPU build) sees no GPU;"), r.out());
    }

    @Test
    void askingATrainingRunForAMissingGpuIsBadInputOnOneLine(@TempDir Path dir) {
        CommandLineTest.Result r = CommandLineTest.run("train", "stage1", "--data", dir.toString(), "--device", "gpu",
                "-o", dir.resolve("runs").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("--device gpu: PyTorch 2.7.1 (CPU build) sees no GPU; use cpu or auto"), r.err());
        CommandLineTest.Result bad = CommandLineTest.run("eval", "encoder", "--checkpoint", dir.toString(), "--data", dir.toString(),
                "--device", "cuda");
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("--device cuda: not a device; use auto, cpu, gpu or gpu:N"), bad.err());
    }

    @Test
    void theLmStagesRefuseAMissingGpuLikeStageOne(@TempDir Path dir) {
        String runs = dir.resolve("runs").toString();
        String none = dir.resolve("none").toString();
        String[][] commands = {
            {"train", "stage0", "--data", none},
            {"train", "stage2", "--data", none, "--init", none},
            {"train", "stage3", "--resume", none},
            {"train", "stage4", "--init", none, "--qa", none},
            {"train", "curriculum", "--data", none}};
        for (String[] command : commands) {
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command), java.util.stream.Stream.of("--device", "gpu",
                    "-o", runs)).toArray(String[]::new);
            CommandLineTest.Result r = CommandLineTest.run(args);
            assertEquals(2, r.code(), command[1] + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), command[1] + ": " + r.err());
            assertTrue(r.err().startsWith("notmono train " + command[1] + ": --device gpu: PyTorch 2.7.1 (CPU build) sees no GPU; use cpu or auto"),
                    r.err());
        }
        assertFalse(dir.resolve("runs").toFile().exists(), "nothing is written");
    }

    @Test
    void benchSapoRefusesAMissingGpuBeforeBuildingItsModel() {
        CommandLineTest.Result r = CommandLineTest.run("bench", "sapo", "--steps", "1", "--device", "gpu");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("notmono bench sapo: --device gpu: PyTorch 2.7.1 (CPU build) sees no GPU; use cpu or auto"), r.err());
        assertTrue(r.out().isEmpty(), "no step was timed: " + r.out());
    }

    @Test
    void encodeOnAutoFallsBackToTheCpuAndSaysSoOnce(@TempDir Path dir) throws IOException {
        float[][] foa = new float[4][16000];
        SplittableRandom random = new SplittableRandom(3);
        for (float[] channel : foa) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = (float) random.nextGaussian(0, 0.05);
            }
        }
        Path clip = dir.resolve("noise.wav");
        Wav.write(clip, new AudioClip(16000, foa), SampleEncoding.PCM_16);
        CommandLineTest.Result r = CommandLineTest.run("encode", clip.toString(), "--device", "auto", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("device auto: PyTorch 2.7.1 (CPU build) sees no GPU; computing on the CPU", r.err().strip());
    }
}
