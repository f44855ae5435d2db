package org.notmono.training.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.cli.InputException;
import org.notmono.training.curriculum.StageSettings;
import org.notmono.training.curriculum.TinyCurriculum;
import picocli.CommandLine;

/**
 * {@code --device} on the LM stage commands on this CPU-only machine: a GPU is refused on one
 * line before any input is read, {@code cpu} trains a real two-step Stage 0 and config.json
 * records it, and a resume takes the device given now (auto: the CPU, said on stderr).
 */
class LmStageDeviceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NO_GPU = "--device gpu: PyTorch 2.7.1 (CPU build) sees no GPU; use cpu or auto";

    /** Exit code and stderr of a command run as the app runs it: bad input is exit 2 with its message. */
    private record Result(int code, String err) {
    }

    private static Result run(Callable<Integer> command, String... args) {
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(command);
        line.setErr(new PrintWriter(err, true));
        line.setExecutionExceptionHandler((e, c, p) -> {
            c.getErr().println(e.getMessage());
            return e instanceof InputException ? 2 : 1;
        });
        return new Result(line.execute(args), err.toString());
    }

    @Test
    void everyLmCommandRefusesAMissingGpuBeforeReadingItsInputs(@TempDir Path dir) {
        String runs = dir.resolve("runs").toString();
        String missing = dir.resolve("missing").toString();
        Map<String, Result> results = Map.of(
                "stage0", run(new TrainStage0Command(), "--data", missing, "--encoder", missing, "--device", "gpu", "-o", runs),
                "stage2", run(new TrainStage2Command(), "--data", missing, "--init", missing, "--device", "gpu", "-o", runs),
                "stage3", run(new TrainStage3Command(), "--resume", missing, "--device", "gpu", "-o", runs),
                "stage4", run(new TrainStage4Command(), "--init", missing, "--qa", missing, "--device", "gpu", "-o", runs),
                "curriculum", run(new TrainCurriculumCommand(), "--data", missing, "--device", "gpu", "-o", runs));
        results.forEach((command, r) -> {
            assertEquals(2, r.code(), command + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), command + ": " + r.err());
            assertTrue(r.err().startsWith(NO_GPU), command + ": " + r.err());
        });
        assertFalse(Files.exists(dir.resolve("runs")), "nothing is written");
    }

    @Test
    void stageZeroTrainsOnTheCpuGivenRecordsItAndResumesOnTheDeviceGivenNow(@TempDir Path dir) throws IOException {
        Path data = TinyCurriculum.dataset(dir.resolve("data"));
        Path encoder = TinyCurriculum.encoder(dir.resolve("encoder"));
        Path config = Files.writeString(dir.resolve("two-steps.json"), TinyCurriculum.config()
                .with("stage0", new StageSettings(2, 4, 3e-3, 1, 100, 1.0, 1, 0, true, 0)).toJson().toString());
        Path runs = dir.resolve("runs");
        Result trained = run(new TrainStage0Command(), "--config", config.toString(), "--data", data.toString(),
                "--encoder", encoder.toString(), "--device", "cpu", "-o", runs.toString());
        assertEquals(0, trained.code(), trained.err());
        Path run;
        try (var s = Files.list(runs)) {
            run = s.filter(p -> p.getFileName().toString().startsWith("stage0-")).findFirst().orElseThrow();
        }
        assertEquals("cpu()", JSON.readTree(run.resolve("config.json").toFile()).path("device").asText());
        assertEquals(2, Files.readAllLines(run.resolve("metrics.jsonl")).stream().filter(l -> !l.isBlank()).count());
        assertTrue(Files.isDirectory(run.resolve("checkpoints/step-2")));
        assertTrue(Files.readString(run.resolve("log.txt")).contains("stage0 computes on cpu()"));

        // the resume resolves the setting given now: gpu is refused although the run recorded the CPU ...
        Result gpu = run(new TrainStage0Command(), "--resume", run.toString(), "--device", "gpu");
        assertEquals(2, gpu.code(), gpu.err());
        assertTrue(gpu.err().startsWith(NO_GPU), gpu.err());
        // ... and auto falls back to the CPU with Stage 1's line; config.json keeps what the run started on
        Result auto = run(new TrainStage0Command(), "--resume", run.toString(), "--device", "auto");
        assertEquals(0, auto.code(), auto.err());
        assertTrue(auto.err().lines().anyMatch(l -> l.equals("device auto: PyTorch 2.7.1 (CPU build) sees no GPU; computing on the CPU")),
                auto.err());
        assertEquals(2, Files.readString(run.resolve("log.txt")).lines().filter(l -> l.contains("stage0 computes on cpu()")).count());
        JsonNode status = JSON.readTree(run.resolve("status.json").toFile());
        assertEquals("finished", status.path("state").asText());
        assertEquals(2, status.path("globalStep").asInt());
        assertEquals("cpu()", JSON.readTree(run.resolve("config.json").toFile()).path("device").asText());
    }
}
