package org.notmono.training.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.cli.InputException;
import org.notmono.training.monitor.RunLock;
import org.notmono.training.run.RunFolder;

/** {@code train stage1 --resume} given a run of another stage. */
class TrainStage1CommandTest {

    @Test
    void resumingAnotherStagesRunNamesTheCommandThatContinuesItAndLeavesTheRunAsItWas(@TempDir Path dir) throws IOException {
        RunFolder stage3 = RunFolder.create(dir, "stage3", new ObjectMapper().createObjectNode());
        stage3.status("stopped", 40, 0, "stopped");
        String status = Files.readString(stage3.dir().resolve("status.json"));
        TrainStage1Command command = new TrainStage1Command();
        command.resume = stage3.dir();
        // it once read the run's missing "stage1" config and died of a NullPointerException
        InputException e = assertThrows(InputException.class, command::call);
        assertEquals("--resume " + stage3.dir() + " is a stage3 run; continue it with 'notmono train stage3 --resume'", e.getMessage());
        assertEquals(status, Files.readString(stage3.dir().resolve("status.json")), "the other stage's run is not touched");
        assertTrue(Files.notExists(stage3.dir().resolve(RunLock.FILE)), "no lock is taken on a run that is refused");
    }
}
