package org.notmono.training.stage1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.cli.InputException;
import org.notmono.task.TaskContext;

/** DESIGN.md: seeds >= 100000 are held out for evaluation; training refuses them unless told otherwise. */
class HeldOutDataTest {

    @Test
    void trainingRefusesHeldOutDataUnlessAllowedAndRecordsTheSeeds(@TempDir Path dir) throws IOException {
        Path train = TinyDatasets.build(dir.resolve("train"), 7, 4);
        Path heldOut = TinyDatasets.build(dir.resolve("held-out"), 100000, 4);
        Stage1Config config = TinyDatasets.config(1, 1);

        InputException asData = assertThrows(InputException.class, () -> Stage1Data.open(config,
                new Stage1Inputs(List.of(train, heldOut), null, null, null), TinyDatasets.VOCABULARY, TinyDatasets.vocabulary(),
                TaskContext.none()));
        assertTrue(asData.getMessage().startsWith("--data " + heldOut.toAbsolutePath().normalize() + " has seed 100000"),
                asData.getMessage());
        assertTrue(asData.getMessage().contains("--allow-held-out-data"));
        InputException asVal = assertThrows(InputException.class, () -> Stage1Data.open(config,
                new Stage1Inputs(List.of(train), heldOut, null, null), TinyDatasets.VOCABULARY, TinyDatasets.vocabulary(),
                TaskContext.none()));
        assertTrue(asVal.getMessage().startsWith("--val "), asVal.getMessage());

        Stage1Inputs allowed = new Stage1Inputs(List.of(train, heldOut), heldOut, null, null, true);
        Stage1Data data = Stage1Data.open(config, allowed, TinyDatasets.VOCABULARY, TinyDatasets.vocabulary(), TaskContext.none());
        assertEquals(List.of(7L, 100000L), data.trainSeeds());
        assertEquals(100000L, data.validationSeed());
        // a resumed run reads its inputs back with the permission it was started with
        assertTrue(Stage1Inputs.fromJson(allowed.toJson()).allowHeldOut());
    }
}
