package org.notmono.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.notmono.app.ui.GuiRequest;
import org.notmono.app.ui.Workspace;

/**
 * The GUI's command line, {@code [--snapshot OUT.png] [--workspace W] [--theme light|dark] [--lalm DIR] [FILE...]}:
 * what the window opens, and with {@code --snapshot} the PNG it renders to before exiting.
 */
final class GuiArguments {
    /** The options that make a command line a GUI request rather than a command. */
    static final List<String> OPTIONS = List.of("--snapshot", "--workspace", "--theme", "--lalm");
    static final String USAGE = "notmono [--snapshot OUT.png] [--workspace scene|view|chat|training] [--theme light|dark]"
            + " [--lalm DIR] [FILE...]";

    /** A GUI request, or why the arguments are not one. */
    record Parsed(GuiRequest request, String problem) {
    }

    private GuiArguments() {
    }

    /**
     * True when {@code args} ask for the GUI: nothing at all, {@code --snapshot} anywhere, or a GUI option or a file
     * first. A file is what looks like a path, with a '.' or '/' in it (the GUI opens .wav and .scene.json files), so a
     * missing file is reported as missing; a bare word is a command (no command's name has either), and an
     * {@code @file} is picocli's argument file.
     */
    static boolean isGuiRequest(List<String> args) {
        if (args.isEmpty() || args.contains("--snapshot")) {
            return true;
        }
        String first = args.getFirst();
        return OPTIONS.contains(first)
                || !first.startsWith("-") && !first.startsWith("@") && (first.contains(".") || first.contains("/"));
    }

    /** The GUI request {@code args} make, or what is wrong with them (a missing file, a bad value, an unknown option). */
    static Parsed parse(List<String> args) {
        Path png = null;
        Workspace workspace = null;
        String theme = null;
        Path lalm = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (OPTIONS.contains(a) && i + 1 >= args.size()) {
                return problem(a + " needs a value");
            }
            switch (a) {
                case "--snapshot" -> png = Path.of(args.get(++i));
                case "--workspace" -> {
                    String value = args.get(++i);
                    if ((workspace = Workspace.fromId(value)) == null) {
                        return problem("unknown workspace '" + value + "' (expected scene, view, chat or training)");
                    }
                }
                case "--theme" -> {
                    theme = args.get(++i);
                    if (!List.of("light", "dark").contains(theme)) {
                        return problem("--theme needs light or dark, not '" + theme + "'");
                    }
                }
                case "--lalm" -> {
                    lalm = Path.of(args.get(++i));
                    if (!Files.isDirectory(lalm)) {
                        return problem("--lalm needs a LALM checkpoint folder (lalm-*/), not " + lalm);
                    }
                }
                default -> {
                    if (a.startsWith("-")) {
                        return problem("unknown option '" + a + "'");
                    }
                    if (Files.isDirectory(Path.of(a))) {
                        return problem(a + " is a folder; give .wav or .scene.json files to open");
                    }
                    if (!Files.isRegularFile(Path.of(a))) {
                        return problem("no such file: " + a);
                    }
                    files.add(Path.of(a));
                }
            }
        }
        return new Parsed(new GuiRequest(List.copyOf(files), workspace, png, theme, lalm), null);
    }

    private static Parsed problem(String why) {
        return new Parsed(null, why);
    }
}
