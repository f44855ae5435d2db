package org.notmono.training.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.LongPredicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.training.run.RunFolder;

class RunStatusTest {
    @TempDir
    Path dir;

    /** A process table holding exactly these pids. */
    private static LongPredicate table(Long... pids) {
        Set<Long> alive = Set.of(pids);
        return alive::contains;
    }

    private Path run(String state, long pid) throws IOException {
        Path run = Files.createDirectories(dir.resolve("stage1-x"));
        Files.writeString(run.resolve("status.json"), "{\"stage\":\"stage1\",\"state\":\"" + state + "\",\"globalStep\":120,"
                + "\"totalSteps\":300,\"epoch\":2,\"message\":\"step 120/300\",\"updated\":\"2026-12-01T10:00:00Z\",\"pid\":" + pid + "}");
        return run;
    }

    @Test
    void runningWithALivePidIsRunningAndWithADeadOneStale() throws IOException {
        Path run = run("running", 4242);
        RunStatus live = RunStatus.read(run, table(4242L));
        assertEquals(RunState.RUNNING, live.state());
        assertEquals(120, live.step());
        assertEquals(300, live.totalSteps());
        assertEquals("step 120/300", live.message());
        RunStatus dead = RunStatus.read(run, table(1L));
        assertEquals(RunState.STALE, dead.state(), "killed without finishing");
        assertTrue(dead.message().contains("4242"), dead.message());
    }

    @Test
    void endedStatesDoNotDependOnTheProcess() throws IOException {
        for (String s : new String[] {"finished", "stopped", "failed"}) {
            assertEquals(s, RunStatus.read(run(s, 4242), table()).state().label());
        }
    }

    @Test
    void aFolderWithoutStatusIsStartingAndARunWithoutPidIsStale() throws IOException {
        Path run = Files.createDirectories(dir.resolve("stage1-y"));
        assertEquals(RunState.STARTING, RunStatus.read(run, table()).state());
        assertEquals("stage1", RunStatus.read(run, table()).stage());
        assertEquals(RunState.STALE, RunStatus.read(run("running", 0), pid -> true).state());
    }

    @Test
    void theRunFolderWritesWhatTheReaderReads() throws IOException {
        RunFolder folder = RunFolder.create(dir, "stage1", new ObjectMapper().createObjectNode());
        folder.plannedSteps(50);
        folder.status("running", 7, 0, "starting");
        RunStatus s = RunStatus.read(folder.dir(), RunStatus.PROCESS_TABLE);
        assertEquals(RunState.RUNNING, s.state(), "this very process wrote it and lives");
        assertEquals(ProcessHandle.current().pid(), s.pid());
        assertEquals(50, s.totalSteps());
        assertEquals(7, s.step());
    }
}
