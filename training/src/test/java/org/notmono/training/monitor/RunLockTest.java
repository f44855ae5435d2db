package org.notmono.training.monitor;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.cli.InputException;

class RunLockTest {
    @TempDir
    Path dir;

    @Test
    void aRunIsTrainedByOneProcessAtATime() throws Exception {
        try (RunLock first = RunLock.acquire(dir)) {
            InputException e = assertThrows(InputException.class, () -> RunLock.acquire(dir));
            assertTrue(e.getMessage().contains("in use by another training process (pid " + ProcessHandle.current().pid() + ")"),
                    e.getMessage());
        }
        assertTrue(Files.readString(dir.resolve(RunLock.FILE)).equals(Long.toString(ProcessHandle.current().pid())));
        RunLock.acquire(dir).close(); // free again once released
    }
}
