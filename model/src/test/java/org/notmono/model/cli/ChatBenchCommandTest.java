package org.notmono.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.cli.InputException;
import org.notmono.model.lalm.Lalm;
import picocli.CommandLine;

/** {@code notmono bench chat} times the shipped lalm-tiny by default, like {@code ask}; bad choices are one-line errors. */
class ChatBenchCommandTest {
    @TempDir
    Path dir;

    private static ChatBenchCommand parsed(String... args) {
        ChatBenchCommand command = new ChatBenchCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void withoutACheckpointItTimesTheShippedLalm() throws Exception {
        try (Lalm lalm = parsed().openModel()) {
            assertEquals("lalm-tiny", lalm.model().name());
        }
    }

    @Test
    void untrainedAndACheckpointAreOneModelTooManyAndAMissingFolderIsNamed() {
        InputException both = assertThrows(InputException.class, () -> parsed("--untrained", "--checkpoint", dir.toString()).openModel());
        assertTrue(both.getMessage().startsWith("--untrained and --checkpoint do not go together"), both.getMessage());
        Path missing = dir.resolve("missing");
        InputException gone = assertThrows(InputException.class, () -> parsed("--checkpoint", missing.toString()).openModel());
        assertEquals(missing + ": no such checkpoint folder", gone.getMessage());
    }

    @Test
    void theHelpSaysWhichModelItTimes() {
        String help = new CommandLine(new ChatBenchCommand()).getUsageMessage();
        assertTrue(help.contains("Times the shipped lalm-tiny unless --checkpoint DIR or --untrained"), help);
        assertTrue(help.contains("--untrained"), help);
    }
}
