package org.notmono.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.notmono.app.cli.CommandLineRunner;

/**
 * The {@code notmono} entry point. No arguments, or files to open: the GUI.
 * {@code [--workspace W] [--theme light|dark] [--lalm DIR] [FILE...]} (files first or options first): the GUI on that
 * workspace, theme and LALM; with {@code --snapshot OUT.png} anywhere, rendered to a PNG. A command name first: the
 * command line ({@link GuiArguments#isGuiRequest} decides). {@code --verbose} anywhere logs to stderr too.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Logs.configure(Arrays.asList(args).contains("--verbose"));
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        rest.removeIf("--verbose"::equals); // every one, as the launcher skips them
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        if (GuiArguments.isGuiRequest(rest)) {
            return gui(rest, err);
        }
        return CommandLineRunner.run(rest.toArray(String[]::new), out, err);
    }

    private static int gui(List<String> args, PrintWriter err) {
        GuiArguments.Parsed parsed = GuiArguments.parse(args);
        if (parsed.problem() != null) {
            err.println("notmono: " + parsed.problem() + " (usage: " + GuiArguments.USAGE + ")");
            return CliExit.BAD_INPUT;
        }
        return GuiLauncher.launch(parsed.request(), System.err);
    }
}
