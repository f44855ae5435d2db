package org.notmono.model.lalm;

import java.util.List;

import org.notmono.model.tokenizer.SpecialTokens;

/**
 * How a multiple-choice answer walks its options in writing (docs/decisions/0003): after the
 * reasoning, one line per option in the prompt's order, copied as the prompt lists it and judged,
 * stopping at the first one judged right, then the answer naming it:
 * <pre>
 * \nA. In front of you, about 2 m away - no
 * \nB. To your left, about 2 m away - yes&lt;/think&gt;&lt;answer&gt;B. To your left, about 2 m away&lt;/answer&gt;
 * </pre>
 * The curriculum trains this form and {@link WalkPosterior} weighs it; both write it here.
 */
public final class WalkText {
    /** Said after an option the reasoning rules out. */
    public static final String NO = " - no";
    /** Said after the option the reasoning arrives at; the walk stops there. */
    public static final String YES = " - yes";
    /** How a walk's first line opens: on a new line, option A's letter. */
    private static final String FIRST_LINE = "\nA.";

    private WalkText() {
    }

    /** One line of a walk: "\nB. To your left - no", or "- yes" when {@code right}. */
    public static String line(int index, String option, boolean right) {
        return "\n" + ChatPrompt.optionLine(index, option) + (right ? YES : NO);
    }

    /** The walk's lines ending at option {@code chosen} (0 for A): "no" on every line before it, "yes" on it. */
    public static String lines(List<String> options, int chosen) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= chosen; i++) {
            sb.append(line(i, options.get(i), i == chosen));
        }
        return sb.toString();
    }

    /** The walk ending at {@code chosen}, the reasoning closed, and the answer naming the option: all that follows the reasoning. */
    public static String ending(List<String> options, int chosen) {
        return lines(options, chosen) + SpecialTokens.THINK_END + SpecialTokens.ANSWER + ChatPrompt.optionLine(chosen, options.get(chosen))
                + SpecialTokens.ANSWER_END;
    }

    /**
     * The reasoning of a model's text that a walk continues: the text before its walk's first line
     * ("\nA."), or before {@code </think>} when it wrote no walk (the whole text when it never closed
     * its reasoning), trailing whitespace dropped as the curriculum's reasoning has none.
     */
    public static String reasoning(String generated) {
        int close = generated.indexOf(SpecialTokens.THINK_END);
        String thought = close < 0 ? generated : generated.substring(0, close);
        int walk = thought.indexOf(FIRST_LINE);
        return (walk < 0 ? thought : thought.substring(0, walk)).stripTrailing();
    }
}
