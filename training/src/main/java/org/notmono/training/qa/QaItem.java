package org.notmono.training.qa;

import java.util.List;

/**
 * One question with its answer ({@code notmono.qa/1}, one JSON object per line).
 *
 * @param id         unique within a corpus: scene id, family and kind
 * @param scene      the RTSD id of the scene asked about
 * @param clip       the clip's path, relative to the dataset or benchmark folder
 * @param phrasing   the template's id, e.g. {@code azimuth/h2} (held-out templates have an {@code h})
 * @param options    four options A-D, or null for open and chain-of-thought items
 * @param answer     the right letter for multiple choice, else the open-ended answer
 * @param answerText the right answer in a few words (the option's text)
 * @param think      the reasoning from the evidence, null for open items
 * @param facts      JSON pointers into the RTSD of the facts the answer rests on
 * @param target     what a model should say: the answer, or {@code <think>...</think><answer>...</answer>}
 * @param query      the question in a form rules can answer from any perceived scene
 */
public record QaItem(String id, String scene, String clip, Family family, QaKind kind, String phrasing, String question,
                     List<String> options, String answer, String answerText, String think, List<String> facts, String target,
                     Query query) {
    public static final String FORMAT = "notmono.qa/1";

    public QaItem {
        options = options == null ? null : List.copyOf(options);
        facts = List.copyOf(facts);
    }

    public int level() {
        return family.level();
    }

    /** The right option's index 0-3, or -1 for items without options. */
    public int answerIndex() {
        return options == null ? -1 : answer.charAt(0) - 'A';
    }
}
