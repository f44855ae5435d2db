package org.notmono.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.notmono.app.settings.NotMonoHome;

/**
 * Logging goes to {@code <home>/logs/notmono.log} (three files of 5 MB); with {@code --verbose}
 * to stderr as well. stderr otherwise carries only the program's own messages. DJL logs here
 * through slf4j-jdk14.
 */
public final class Logs {
    private Logs() {
    }

    public static Path configure(boolean verbose) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$-7s %3$s: %5$s%6$s%n");
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        Path dir = NotMonoHome.dir().resolve("logs");
        Path file = dir.resolve("notmono.log");
        try {
            Files.createDirectories(dir);
            Handler handler = new FileHandler(dir.resolve("notmono%g.log").toString(), 5_000_000, 3, true);
            handler.setFormatter(new SimpleFormatter());
            root.addHandler(handler);
            file = dir.resolve("notmono0.log");
        } catch (IOException e) {
            verbose = true; // no log file: better on stderr than nowhere
        }
        if (verbose) {
            ConsoleHandler console = new ConsoleHandler();
            console.setLevel(Level.ALL);
            root.addHandler(console);
        }
        return file;
    }
}
