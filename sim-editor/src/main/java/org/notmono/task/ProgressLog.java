package org.notmono.task;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Progress as plain lines, for a stderr that is not a terminal (a log file, a background run):
 * the same text as {@link TerminalProgressBar} (percentage, time left, message), one line at
 * most every {@code every}, and the last one at 100%.
 */
public final class ProgressLog extends TerminalProgressBar {
    private final PrintStream out;
    private final long everyNanos;
    private final long start = System.nanoTime();
    private long last = Long.MIN_VALUE;
    private boolean finished;

    public ProgressLog(PrintStream out, Duration every) {
        super(out, false);
        this.out = out;
        this.everyNanos = every.toNanos();
    }

    /**
     * The terminal's progress bar when stderr is a console, else lines on stderr at most every
     * {@code every}: long commands say how far they are in a log too.
     */
    public static TerminalProgressBar onStderr(Duration every) {
        return System.console() != null ? TerminalProgressBar.onStderr() : new ProgressLog(System.err, every);
    }

    @Override
    public synchronized void progress(double fraction, String message) {
        long now = System.nanoTime();
        boolean done = fraction >= 1.0;
        if (finished || (!done && last != Long.MIN_VALUE && now - last < everyNanos)) {
            return;
        }
        last = now;
        finished = done;
        out.println(TerminalProgressBar.line(fraction, message, now - start));
        out.flush();
    }

    @Override
    public synchronized void close() {
        // every line is whole already
    }
}
