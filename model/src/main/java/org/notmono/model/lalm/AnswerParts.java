package org.notmono.model.lalm;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a generated answer, by DESIGN.md's rule: the reasoning inside
 * {@code <think>...</think>}, the answer inside {@code <answer>...</answer>} (the whole text
 * when there are no tags), and for a multiple-choice question the first letter A-D standing
 * alone inside {@code <answer>}, or else a bare letter when the text has no tags.
 *
 * @param think the reasoning, or null when there is none
 * @param answer the answer text
 * @param letter A-D, or null
 */
public record AnswerParts(String think, String answer, Character letter) {
    private static final Pattern THINK = Pattern.compile("<think>(.*?)(</think>|$)", Pattern.DOTALL);
    private static final Pattern ANSWER = Pattern.compile("<answer>(.*?)(</answer>|$)", Pattern.DOTALL);
    private static final Pattern LETTER_INSIDE = Pattern.compile("(?<![A-Za-z])([A-D])(?![A-Za-z])");
    private static final Pattern BARE_LETTER = Pattern.compile("^\\(?([A-D])(?:\\)|[.:]|$)");

    /** Splits {@code text}; {@code multipleChoice} asks for the letter. */
    public static AnswerParts of(String text, boolean multipleChoice) {
        Matcher t = THINK.matcher(text);
        String think = t.find() ? t.group(1).strip() : null;
        if (think != null && think.isEmpty()) {
            think = null;
        }
        Matcher a = ANSWER.matcher(text);
        boolean tagged = a.find();
        String answer = tagged ? a.group(1).strip() : text.replaceAll("(?s)<think>.*?(</think>|$)", "").strip();
        Character letter = null;
        if (multipleChoice) {
            Matcher m = (tagged ? LETTER_INSIDE : BARE_LETTER).matcher(answer);
            if (m.find()) {
                letter = m.group(1).charAt(0);
            }
        }
        return new AnswerParts(think, answer, letter);
    }
}
