package org.notmono.model.lalm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.notmono.model.cli.AskCommand;
import picocli.CommandLine;

/** {@code notmono ask} run in this process as the launcher runs it, its standard output returned. */
final class AskCli {
    private AskCli() {
    }

    /** Runs {@code notmono ask args...}, asserts it succeeds, and returns what it printed. */
    static String run(String... args) throws Exception {
        CommandLine cl = new CommandLine(new AskCommand());
        cl.parseArgs(args);
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, ((AskCommand) cl.getCommand()).call());
        } finally {
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
