package org.notmono.training.monitor;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Runs {@code notmono ...} commands as child processes of the running app: the same java, class
 * path, module path and JVM options that make sense for a command, and the app's main class.
 * A training child is started in its own session (setsid, where there is one), so closing the
 * app or its terminal never stops it; the app only reads its run folder.
 */
public final class NotMonoCli {
    /** JVM options a command inherits from the app; the GUI's own (collector, heap, headless toolkit) stay behind. */
    private static final List<String> INHERITED = List.of("--module-path=", "--add-modules=", "--add-exports=", "--add-opens=",
            "--enable-native-access=", "--sun-misc-unsafe-memory-access=", "-Dnotmono.home=", "-Djava.util.prefs.userRoot=");
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final List<String> jvm;

    /** @param jvm the command up to and including the main class */
    public NotMonoCli(List<String> jvm) {
        this.jvm = List.copyOf(jvm);
    }

    /** The command line of this JVM with {@code mainClass} (the app's {@code Main}). */
    public static NotMonoCli ofThisJvm(String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (INHERITED.stream().anyMatch(arg::startsWith) && !arg.equals("--add-modules=ALL-DEFAULT")) {
                command.add(arg);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        return new NotMonoCli(command);
    }

    /** The full command for {@code notmono args...}. */
    public List<String> command(List<String> args) {
        List<String> all = new ArrayList<>(jvm);
        all.addAll(args);
        return all;
    }

    /** Starts {@code notmono args...} with stdout and stderr appended to {@code output}. */
    public Process start(List<String> args, Path output, boolean detached) throws IOException {
        Files.createDirectories(output.toAbsolutePath().getParent());
        List<String> command = command(args);
        if (detached && Files.isExecutable(SETSID)) {
            command.addFirst(SETSID.toString());
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        return pb.start();
    }

    /** How a user would type the command: {@code notmono train stage1 --data '/my data'}. */
    public static String display(List<String> args) {
        return "notmono " + args.stream().map(NotMonoCli::quote).collect(Collectors.joining(" "));
    }

    private static String quote(String arg) {
        return arg.matches("[A-Za-z0-9_@%+=:,./-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? "NUL" : "/dev/null");
    }
}
