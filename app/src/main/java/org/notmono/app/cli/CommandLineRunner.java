package org.notmono.app.cli;

import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import org.notmono.app.CliExit;
import org.notmono.cli.InputException;
import org.notmono.task.CancelledException;

/**
 * Runs a command line with NotMono's exit codes: 0 success, 2 bad usage or input (a one-line
 * reason on stderr), 1 anything else (one line on stderr, the stack trace in the log).
 */
public final class CommandLineRunner {
    private static final Logger LOG = Logger.getLogger(CommandLineRunner.class.getName());
    /** Longest error line, characters. */
    private static final int MAX_MESSAGE = 500;

    private CommandLineRunner() {
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new NotMonoCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(CommandLineRunner::badUsage);
        cl.setExecutionExceptionHandler((e, line, parsed) -> failed(e, line));
        return cl;
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        try {
            return commandLine(out, err).execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // the size checks should have refused the input first; still no trace for the user
            LOG.log(Level.SEVERE, "notmono ran out of resources", e);
            err.println("notmono: error: " + (e instanceof OutOfMemoryError ? "out of memory (" + e.getMessage() + ")"
                    : "the input is nested too deeply") + "; details are in the log");
            return CliExit.FAILURE;
        }
    }

    private static int badUsage(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        cl.getErr().println(oneLine(cl.getCommandSpec().qualifiedName() + ": " + e.getMessage()
                + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')"));
        return CliExit.BAD_INPUT;
    }

    /**
     * A message as one line on stderr: line breaks and other control characters (which input
     * files can smuggle into a quoted value) become visible escapes, and a message quoting a
     * huge value is cut.
     */
    static String oneLine(String message) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < message.length() && b.length() < MAX_MESSAGE; i++) {
            char ch = message.charAt(i);
            if (ch == '\n' || ch == '\r' || ch == '\t') {
                b.append(' ');
            } else if (Character.isISOControl(ch)) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return b.length() >= MAX_MESSAGE ? b.substring(0, MAX_MESSAGE - 3) + "..." : b.toString();
    }

    private static int failed(Exception e, CommandLine line) {
        String name = line.getCommandSpec().qualifiedName();
        if (e instanceof InputException) {
            line.getErr().println(oneLine(name + ": " + e.getMessage()));
            return CliExit.BAD_INPUT;
        }
        if (e instanceof CancelledException) {
            line.getErr().println(name + ": cancelled");
            return CliExit.FAILURE;
        }
        LOG.log(Level.SEVERE, name + " failed", e);
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        line.getErr().println(oneLine(name + ": error: " + message));
        return CliExit.FAILURE;
    }
}
