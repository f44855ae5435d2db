package org.notmono.training.curriculum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.notmono.model.lalm.ChatPrompt;
import org.notmono.model.tokenizer.SpecialTokens;
import org.notmono.model.tokenizer.TextTokenizer;
import org.notmono.training.qa.QaItem;

/**
 * How the curriculum teaches a multiple-choice answer: the reasoning from the evidence, the
 * chosen option's text on its own ("So: ..."), then the options walked in the prompt's order,
 * each copied as the prompt lists it and judged by whether it says what the choice says,
 * stopping at the first that does, whose letter the answer then repeats:
 * <pre>
 * &lt;think&gt;I hear the kettle ... to your left, 2.0 m away.
 * So: To your left, about 2 m away
 * A. In front of you, about 2 m away - no
 * B. To your left, about 2 m away - yes&lt;/think&gt;&lt;answer&gt;B. To your left, about 2 m away&lt;/answer&gt;
 * </pre>
 * Why (docs/decisions/0003): a small decoder copies forwards easily (a letter and the option text
 * that follows it, as in the prompt) but does not learn to look a letter up backwards from an
 * option's text; trained to write "B. text" straight away it picked letters at chance even when it
 * knew the text. Walking the options puts the chosen letter a few tokens before the answer. Judging
 * each option against the reasoning alone was learnt poorly (the shipped model of 2026-12-02 said
 * "yes" to the right option a third of the time even with its copies forced exact), so the choice
 * is written first and each judgement compares two texts, and the judgements weigh
 * {@link #JUDGEMENT_WEIGHT} times a plain token in the loss.
 */
public final class OptionWalk {
    /** Said after an option the reasoning rules out. */
    public static final String NO = " - no";
    /** Said after the option the reasoning arrives at; the walk stops there. */
    public static final String YES = " - yes";
    /** Opens the line that states the chosen option's text before the walk. */
    public static final String CHOICE = "\nSo: ";
    /** How much a judgement's tokens ({@link #YES}, {@link #NO}) weigh in the loss, against 1 for every other token. */
    public static final float JUDGEMENT_WEIGHT = 5;

    /** One line of a walk as written: the letter, the option's text as copied, and the judgement. */
    public record Line(char letter, String text, boolean yes) {
    }

    /**
     * How one answer walked the options, beside its score.
     *
     * @param lines the walk's lines (0: the answer has no walk)
     * @param copiedExactly lines whose text is the prompt's option under their letter, exactly
     * @param letterFollowsWalk the answer's letter is the one the walk said "yes" to last
     * @param statedChoice the reasoning states a choice ({@link #CHOICE})
     * @param letterFollowsChoice the answer's letter is that of the option whose text the choice states
     * @param choiceRight the choice states the right option's text
     */
    public record Summary(int lines, int copiedExactly, boolean letterFollowsWalk, boolean statedChoice, boolean letterFollowsChoice,
                          boolean choiceRight) {
    }

    private static final Pattern CHOICE_LINE = Pattern.compile(Pattern.quote(CHOICE) + "([^\n]*?)(?=\n|" + Pattern.quote(SpecialTokens.THINK_END) + ")");
    private static final Pattern LINE = Pattern.compile("\n([A-D])\\. ([^\n]*?)(" + Pattern.quote(YES) + "|" + Pattern.quote(NO) + ")(?=\n|"
            + Pattern.quote(SpecialTokens.THINK_END) + ")");

    private OptionWalk() {
    }

    /** The walk's lines in a model's text, in order (empty when it wrote none). */
    public static List<Line> read(String text) {
        List<Line> lines = new ArrayList<>();
        int end = text.indexOf(SpecialTokens.THINK_END);
        Matcher m = LINE.matcher(end < 0 ? text : text.substring(0, end + SpecialTokens.THINK_END.length()));
        while (m.find()) {
            lines.add(new Line(m.group(1).charAt(0), m.group(2), m.group(3).equals(YES)));
        }
        return lines;
    }

    /** The text of the choice an answer's reasoning states ({@link #CHOICE}), or null when it states none. */
    public static String choice(String text) {
        int end = text.indexOf(SpecialTokens.THINK_END);
        Matcher m = CHOICE_LINE.matcher(end < 0 ? text : text.substring(0, end + SpecialTokens.THINK_END.length()));
        return m.find() ? m.group(1).strip() : null;
    }

    /**
     * How an answer to a multiple-choice question walked its options.
     *
     * @param options the question's options A-D
     * @param letter the letter the answer names, or null
     * @param right the right option's letter
     */
    public static Summary summarize(String text, List<String> options, Character letter, char right) {
        List<Line> walked = read(text);
        int copied = (int) walked.stream().filter(l -> l.text().strip().equals(options.get(l.letter() - 'A').strip())).count();
        Line yes = walked.stream().filter(Line::yes).reduce((x, y) -> y).orElse(null);
        String choice = choice(text);
        int chosen = choice == null ? -1 : options.stream().map(String::strip).toList().indexOf(choice);
        return new Summary(walked.size(), copied, yes != null && letter != null && yes.letter() == letter, choice != null,
                chosen >= 0 && letter != null && letter == letter(chosen), chosen == right - 'A');
    }

    /** The completion a multiple-choice item is trained on: reasoning, the walk, the answer naming the option. */
    public static String target(QaItem item) {
        List<String> options = item.options();
        if (options == null || item.think() == null) {
            throw new IllegalArgumentException(item.id() + ": a walk needs a multiple-choice item with reasoning");
        }
        int right = item.answerIndex();
        StringBuilder sb = new StringBuilder(SpecialTokens.THINK).append(item.think().strip()).append(CHOICE)
                .append(options.get(right).strip());
        for (int i = 0; i <= right; i++) {
            sb.append('\n').append(ChatPrompt.optionLine(i, options.get(i))).append(i == right ? YES : NO);
        }
        return sb.append(SpecialTokens.THINK_END).append(SpecialTokens.ANSWER).append(ChatPrompt.optionLine(right, options.get(right)))
                .append(SpecialTokens.ANSWER_END).toString();
    }

    /**
     * The loss weight of each token of a tokenized completion: {@link #JUDGEMENT_WEIGHT} for the
     * tokens of every judgement ({@link #YES}, {@link #NO}) in it, 1 for the rest; null when it holds
     * none (every token weighs 1).
     */
    public static float[] weights(long[] completion, TextTokenizer tokenizer) {
        float[] weights = null;
        for (String judgement : List.of(YES, NO)) {
            // byte-level BPE starts a new piece at " -", so a judgement encodes alike wherever it stands
            long[] pattern = tokenizer.encode(judgement);
            for (int start = 0; start + pattern.length <= completion.length; start++) {
                if (Arrays.equals(completion, start, start + pattern.length, pattern, 0, pattern.length)) {
                    if (weights == null) {
                        weights = new float[completion.length];
                        Arrays.fill(weights, 1);
                    }
                    Arrays.fill(weights, start, start + pattern.length, JUDGEMENT_WEIGHT);
                }
            }
        }
        return weights;
    }

    private static char letter(int i) {
        return (char) ('A' + i);
    }
}
