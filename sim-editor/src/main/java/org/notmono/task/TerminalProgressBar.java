package org.notmono.task;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * A progress bar on a terminal: redraws one line on stderr, at most ten times a second, with
 * the percentage, the message and an estimate of the time left. Prints nothing when stderr is
 * not a terminal unless asked, so logs of scripted runs stay clean.
 */
public class TerminalProgressBar implements TaskContext, AutoCloseable {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    public TerminalProgressBar(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    /** A bar on stderr, shown only when a console is attached. */
    public static TerminalProgressBar onStderr() {
        return new TerminalProgressBar(System.err, System.console() != null);
    }

    @Override
    public synchronized void progress(double fraction, String message) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (drawn && now - lastDraw < REDRAW_NANOS && fraction < 1.0) {
            return;
        }
        lastDraw = now;
        drawn = true;
        out.print('\r' + line(fraction, message, now - start) + "\u001b[K");
        out.flush();
    }

    /** The text of one redraw; package-private for tests. */
    static String line(double fraction, String message, long elapsedNanos) {
        StringBuilder bar = new StringBuilder("[");
        if (Double.isNaN(fraction)) {
            bar.append(" ".repeat(WIDTH)).append("]    ?%");
        } else {
            double f = Math.clamp(fraction, 0.0, 1.0);
            int filled = (int) Math.round(f * WIDTH);
            bar.append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append(']');
            bar.append(String.format(Locale.ROOT, " %5.1f%%", 100 * f));
            if (f > 0.01 && f < 1.0) {
                long leftSeconds = (long) (elapsedNanos / 1e9 * (1 - f) / f);
                bar.append(" ").append(format(Duration.ofSeconds(leftSeconds))).append(" left");
            }
        }
        if (message != null && !message.isEmpty()) {
            bar.append("  ").append(message);
        }
        return bar.toString();
    }

    private static String format(Duration d) {
        return d.toHours() > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
                : String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    /** Ends the bar's line. */
    @Override
    public synchronized void close() {
        if (enabled && drawn) {
            out.println();
        }
    }
}
