package org.notmono.model.generate;

import java.util.Arrays;
import java.util.List;

import org.notmono.model.tokenizer.TextTokenizer;

/**
 * The text of one generated sequence as it grows, and the part of it that is safe to show: a
 * byte-level token may end inside a multi-byte character (decoded as U+FFFD until complete),
 * and text past a matched stop string is cut.
 */
final class TextStream {
    private final TextTokenizer tokenizer;
    private final List<String> stopStrings;
    private long[] ids = new long[16];
    private int count;
    private String text = "";
    private int shown;
    private boolean stopped;

    TextStream(TextTokenizer tokenizer, List<String> stopStrings) {
        this.tokenizer = tokenizer;
        this.stopStrings = stopStrings;
    }

    /** Adds a token; returns the newly showable text (may be empty). */
    String add(long id) {
        if (count == ids.length) {
            ids = Arrays.copyOf(ids, count * 2);
        }
        ids[count++] = id;
        int before = text.length();
        text = tokenizer.decode(Arrays.copyOf(ids, count));
        for (String stop : stopStrings) {
            int at = text.indexOf(stop, Math.max(0, before - stop.length()));
            if (!stop.isEmpty() && at >= 0) {
                text = text.substring(0, at + stop.length());
                stopped = true;
            }
        }
        int complete = !stopped && text.endsWith("\uFFFD") ? text.length() - 1 : text.length();
        if (complete <= shown) {
            return "";
        }
        String piece = text.substring(shown, complete);
        shown = complete;
        return piece;
    }

    /** True once the text reached a stop string. */
    boolean stopped() {
        return stopped;
    }

    String text() {
        return text;
    }

    long[] ids() {
        return Arrays.copyOf(ids, count);
    }
}
