package org.notmono.training.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.cli.InputException;

class RunFolderTest {
    @TempDir
    Path dir;

    @Test
    void aTornLastLineDoesNotBlockResumeAndIsReportedInTheLog() throws Exception {
        RunFolder run = RunFolder.create(dir, "stage1", new ObjectMapper().createObjectNode());
        for (int step = 1; step <= 5; step++) {
            run.metrics(step, 0, Map.of("train/loss", 1f / step));
        }
        Path metrics = run.dir().resolve("metrics.jsonl");
        // killed mid-write of step 6
        Files.writeString(metrics, "{\"stage\":\"stage1\",\"globalStep\":6,\"epo", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        run.truncateMetricsAfter(4);
        List<String> lines = Files.readAllLines(metrics);
        assertEquals(4, lines.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(i + 1, new ObjectMapper().readTree(lines.get(i)).get("globalStep").asLong());
        }
        assertTrue(Files.readString(run.dir().resolve("log.txt")).contains("metrics.jsonl line 6 is not a complete record"));
    }

    @Test
    void resumingAnotherStagesRunNamesTheCommandThatContinuesIt() throws Exception {
        RunFolder stage2 = RunFolder.create(dir, "stage2", new ObjectMapper().createObjectNode());
        stage2.status("stopped", 3, 0, "stopped");
        // Stage 1 once opened any run, then threw a NullPointerException on its missing "stage1" config
        InputException e = assertThrows(InputException.class, () -> RunFolder.openToResume(stage2.dir(), "stage1"));
        assertEquals("--resume " + stage2.dir() + " is a stage2 run; continue it with 'notmono train stage2 --resume'", e.getMessage());
        assertEquals("stage2", RunFolder.openToResume(stage2.dir(), "stage2").stage());
    }
}
