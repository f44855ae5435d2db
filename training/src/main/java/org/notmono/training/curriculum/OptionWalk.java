package org.notmono.training.curriculum;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.notmono.model.lalm.WalkText;
import org.notmono.model.tokenizer.SpecialTokens;
import org.notmono.training.qa.QaItem;

/**
 * How the curriculum teaches a multiple-choice answer: the reasoning from the evidence, then the
 * options walked in the prompt's order, each copied as the prompt lists it and judged, stopping
 * at the first one judged right, whose letter the answer then repeats:
 * <pre>
 * &lt;think&gt;I hear the kettle ... to your left, 2.0 m away.
 * A. In front of you, about 2 m away - no
 * B. To your left, about 2 m away - yes&lt;/think&gt;&lt;answer&gt;B. To your left, about 2 m away&lt;/answer&gt;
 * </pre>
 * Why (docs/decisions/0003): a small decoder copies forwards easily (a letter and the option text
 * that follows it, as in the prompt) but does not learn to look a letter up backwards from an
 * option's text; trained to write "B. text" straight away it picked letters at chance even when it
 * knew the text. Walking the options puts the chosen letter a few tokens before the answer. The
 * walk's text is {@link WalkText}'s, which the LALM's walk choice writes too.
 */
public final class OptionWalk {
    /** Said after an option the reasoning rules out. */
    public static final String NO = WalkText.NO;
    /** Said after the option the reasoning arrives at; the walk stops there. */
    public static final String YES = WalkText.YES;

    /** One line of a walk as written: the letter, the option's text as copied, and the judgement. */
    public record Line(char letter, String text, boolean yes) {
    }

    /**
     * How one answer walked the options, beside its score.
     *
     * @param lines the walk's lines (0: the answer has no walk)
     * @param copiedExactly lines whose text is the prompt's option under their letter, exactly
     * @param letterFollowsWalk the answer's letter is the one the walk said "yes" to last
     */
    public record Summary(int lines, int copiedExactly, boolean letterFollowsWalk) {
    }

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

    /**
     * How an answer to a multiple-choice question walked its options.
     *
     * @param options the question's options A-D
     * @param letter the letter the answer names, or null
     */
    public static Summary summarize(String text, List<String> options, Character letter) {
        List<Line> walked = read(text);
        int copied = (int) walked.stream().filter(l -> l.text().strip().equals(options.get(l.letter() - 'A').strip())).count();
        Line yes = walked.stream().filter(Line::yes).reduce((x, y) -> y).orElse(null);
        return new Summary(walked.size(), copied, yes != null && letter != null && yes.letter() == letter);
    }

    /** The completion a multiple-choice item is trained on: reasoning, the walk, the answer naming the option. */
    public static String target(QaItem item) {
        List<String> options = item.options();
        if (options == null || item.think() == null) {
            throw new IllegalArgumentException(item.id() + ": a walk needs a multiple-choice item with reasoning");
        }
        return SpecialTokens.THINK + item.think().strip() + WalkText.ending(options, item.answerIndex());
    }
}
