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
        return commandLine(out, err).execute(args);
    }

    private static int badUsage(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": " + e.getMessage()
                + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')");
        return CliExit.BAD_INPUT;
    }

    private static int failed(Exception e, CommandLine line) {
        String name = line.getCommandSpec().qualifiedName();
        if (e instanceof InputException) {
            line.getErr().println(name + ": " + e.getMessage());
            return CliExit.BAD_INPUT;
        }
        if (e instanceof CancelledException) {
            line.getErr().println(name + ": cancelled");
            return CliExit.FAILURE;
        }
        LOG.log(Level.SEVERE, name + " failed", e);
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        line.getErr().println(name + ": error: " + message);
        return CliExit.FAILURE;
    }
}
