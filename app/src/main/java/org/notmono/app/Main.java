package org.notmono.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.notmono.app.cli.CommandLineRunner;
import org.notmono.app.ui.GuiRequest;
import org.notmono.app.ui.Workspace;

/**
 * The {@code notmono} entry point. No arguments, or only files to open: the GUI.
 * {@code --snapshot OUT.png [--workspace W] [--theme light|dark] [--lalm DIR] [FILE...]}: the GUI rendered to a PNG.
 * Anything else: the command line.
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
        rest.remove("--verbose");
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        if (rest.contains("--snapshot")) {
            return snapshot(rest, err);
        }
        if (rest.stream().allMatch(Main::isFileToOpen)) {
            return GuiLauncher.launch(GuiRequest.interactive(rest.stream().map(Path::of).toList()), System.err);
        }
        return CommandLineRunner.run(rest.toArray(String[]::new), out, err);
    }

    /** An argument naming an existing file, not an option or a command. */
    private static boolean isFileToOpen(String arg) {
        return !arg.startsWith("-") && Files.isRegularFile(Path.of(arg));
    }

    private static int snapshot(List<String> args, PrintWriter err) {
        Path png = null;
        Workspace workspace = null;
        String theme = null;
        Path lalm = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--theme" -> {
                    if (i + 1 >= args.size() || !List.of("light", "dark").contains(args.get(i + 1))) {
                        return usage(err, "--theme needs light or dark");
                    }
                    theme = args.get(++i);
                }
                case "--lalm" -> {
                    if (i + 1 >= args.size() || !Files.isDirectory(Path.of(args.get(i + 1)))) {
                        return usage(err, "--lalm needs a LALM checkpoint folder (lalm-*/)");
                    }
                    lalm = Path.of(args.get(++i));
                }
                case "--snapshot", "--workspace" -> {
                    if (i + 1 >= args.size()) {
                        return usage(err, a + " needs a value");
                    }
                    String value = args.get(++i);
                    if (a.equals("--snapshot")) {
                        png = Path.of(value);
                    } else if ((workspace = Workspace.fromId(value)) == null) {
                        return usage(err, "unknown workspace '" + value + "' (expected scene, view, chat or training)");
                    }
                }
                default -> {
                    if (a.startsWith("-")) {
                        return usage(err, "unknown option '" + a + "' for --snapshot");
                    }
                    if (!Files.isRegularFile(Path.of(a))) {
                        return usage(err, "no such file: " + a);
                    }
                    files.add(Path.of(a));
                }
            }
        }
        return GuiLauncher.launch(new GuiRequest(files, workspace, png, theme, lalm), System.err);
    }

    private static int usage(PrintWriter err, String reason) {
        err.println("notmono --snapshot: " + reason + " (usage: notmono --snapshot OUT.png [--workspace scene|view|chat|training] [--theme light|dark] [--lalm DIR] [FILE...])");
        return CliExit.BAD_INPUT;
    }
}
