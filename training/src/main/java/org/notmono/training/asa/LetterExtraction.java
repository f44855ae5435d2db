package org.notmono.training.asa;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DESIGN.md's strict scoring rule: the first A-D standing alone inside {@code <answer>...</answer>};
 * when the text has no answer tag, a bare letter (optionally bracketed or followed by a full stop
 * or colon). Anything else has no letter and is wrong.
 */
public final class LetterExtraction {
    private static final Pattern TAGGED = Pattern.compile("<answer>(.*?)(?:</answer>|$)", Pattern.DOTALL);
    private static final Pattern STANDALONE = Pattern.compile("(?<![A-Za-z])([A-D])(?![A-Za-z])");
    private static final Pattern BARE = Pattern.compile("^\\s*[(\\[]?([A-D])[)\\]]?[.:]?\\s*$");
    private static final Pattern NAMED = Pattern.compile("^\\s*[A-D][.:)]\\s*(.+?)\\s*$", Pattern.DOTALL);

    private LetterExtraction() {
    }

    /**
     * The option text an answer states after its letter inside {@code <answer>} ({@code C. Two}
     * gives {@code Two}), or null. Not scored: it shows whether a model that names the wrong
     * letter still knew the answer.
     */
    public static String optionText(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = TAGGED.matcher(text);
        if (!m.find()) {
            return null;
        }
        Matcher named = NAMED.matcher(m.group(1));
        return named.matches() ? named.group(1) : null;
    }

    /** The chosen letter, or null. */
    public static Character letter(String text) {
        if (text == null) {
            return null;
        }
        if (text.contains("<answer>")) {
            Matcher m = TAGGED.matcher(text);
            if (m.find()) {
                Matcher l = STANDALONE.matcher(m.group(1));
                return l.find() ? l.group(1).charAt(0) : null;
            }
            return null;
        }
        Matcher bare = BARE.matcher(text);
        return bare.matches() ? bare.group(1).charAt(0) : null;
    }
}
