package org.notmono.training.monitor;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far a child command is, read from the end of its stderr: the last progress line that
 * {@code TerminalProgressBar} or {@code ProgressLog} printed ({@code [#####     ]  42.0% 1:23 left
 * message}, lines ended by a newline or redrawn after a carriage return).
 *
 * @param fraction 0 to 1, NaN when no progress line was found
 * @param message  the line's text after the bar, or ""
 */
public record ChildProgress(double fraction, String message) {
    private static final Pattern LINE = Pattern.compile("\\[[# ]*\\]\\s+(\\d{1,3}\\.\\d)%(.*)");

    /** The last progress line in {@code tail}, or NaN and "" when there is none. */
    public static ChildProgress parse(String tail) {
        String[] lines = tail.split("[\r\n]");
        for (int i = lines.length - 1; i >= 0; i--) {
            Matcher m = LINE.matcher(lines[i].replace("\u001b[K", ""));
            if (m.find()) {
                return new ChildProgress(Double.parseDouble(m.group(1)) / 100, m.group(2).strip());
            }
        }
        return new ChildProgress(Double.NaN, "");
    }
}
