package org.notmono.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GUI's command line as the entry point runs it, in a process of its own: a bad GUI request ends before any window
 * with exit 2 and one line on stderr, as a bad command does.
 */
class GuiEntryTest {
    @TempDir
    Path dir;

    record Exit(int code, String out, List<String> errLines) {
    }

    private Exit main(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.notmono.app.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.remove("DISPLAY");
        env.putAll(Map.of("NOTMONO_HOME", dir.resolve("home").toString(), "DJL_OFFLINE", "true", "OPT_OUT_TRACKING", "true"));
        Process p = pb.redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("still running after 60 s: a bad request must end before any window opens");
        }
        return new Exit(p.exitValue(), Files.readString(dir.resolve("stdout.txt")), Files.readAllLines(dir.resolve("stderr.txt")));
    }

    @Test
    void aMissingFileOrABadOptionValueIsBadInputOnOneLine() throws Exception {
        String usage = " (usage: notmono [--snapshot OUT.png] [--workspace scene|view|chat|training] [--theme light|dark]"
                + " [--lalm DIR] [FILE...])";
        Path missing = dir.resolve("gone.wav");
        Exit gone = main(missing.toString(), "--workspace", "view");
        assertEquals(new Exit(2, "", List.of("notmono: no such file: " + missing + usage)), gone);
        Exit workspace = main("--workspace", "sound");
        assertEquals(new Exit(2, "", List.of("notmono: unknown workspace 'sound' (expected scene, view, chat or training)" + usage)),
                workspace);
    }
}
