package org.notmono.training.qa;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A question made from a scene before it is worded and lettered: the right option first, then
 * three distractors.
 *
 * @param fill     placeholder (X, Y, where, turn, extreme) to its words in this question
 * @param values   canonical option values, the right one first
 * @param texts    option texts in the same order
 * @param sentence the open-ended answer
 * @param think    the reasoning from the evidence to the answer
 * @param facts    JSON pointers into the RTSD of the facts the answer rests on
 * @param openThink the reasoning when the question shows no options (a chain-of-thought item), where
 *                 {@code think} starts from the options
 * @param offered  empty, or the words {@code think} names each option by, in the order of {@code values};
 *                 {@code think} then holds {@link #OFFERED} where the lettered question lists them in the
 *                 order it shows them
 */
record Draft(Family family, Map<String, String> fill, List<String> subjects, Map<String, String> params,
             List<String> values, List<String> texts, String sentence, String think, List<String> facts, String openThink,
             List<String> offered) {
    /** Where {@code think} lists the options' words in the order the question shows them. */
    static final String OFFERED = "{offered}";

    /** A draft whose reasoning is the same with and without options. */
    Draft(Family family, Map<String, String> fill, List<String> subjects, Map<String, String> params,
          List<String> values, List<String> texts, String sentence, String think, List<String> facts) {
        this(family, fill, subjects, params, values, texts, sentence, think, facts, think);
    }

    /** A draft whose reasoning has no {@link #OFFERED} placeholder. */
    Draft(Family family, Map<String, String> fill, List<String> subjects, Map<String, String> params,
          List<String> values, List<String> texts, String sentence, String think, List<String> facts, String openThink) {
        this(family, fill, subjects, params, values, texts, sentence, think, facts, openThink, List.of());
    }

    Draft {
        if (values.size() != 4 || texts.size() != 4) {
            throw new IllegalArgumentException(family.id() + ": a draft needs 4 options, got " + values.size());
        }
        if (!distinct(texts) || !distinct(values)) {
            throw new IllegalArgumentException(family.id() + ": options must be distinct: " + texts);
        }
        if ((!offered.isEmpty() && offered.size() != 4) || think.contains(OFFERED) == offered.isEmpty() || openThink.contains(OFFERED)) {
            throw new IllegalArgumentException(family.id() + ": only the reasoning over options lists them, with the words of all four");
        }
    }

    /**
     * The reasoning when the options are shown in {@code shown} order (indices into {@code values}):
     * {@code think} with the options' words listed in that order.
     */
    String think(List<Integer> shown) {
        return offered.isEmpty() ? think : think.replace(OFFERED, PerceptionQuestions.list(shown.stream().map(offered::get).toList()));
    }

    /** True when no two of the (four) elements are equal. */
    private static boolean distinct(List<String> xs) {
        for (int i = 0; i < xs.size(); i++) {
            for (int j = i + 1; j < xs.size(); j++) {
                if (Objects.equals(xs.get(i), xs.get(j))) {
                    return false;
                }
            }
        }
        return true;
    }

    Query query(List<String> orderedValues) {
        return new Query(subjects, params, orderedValues);
    }
}
