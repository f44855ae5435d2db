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
 */
record Draft(Family family, Map<String, String> fill, List<String> subjects, Map<String, String> params,
             List<String> values, List<String> texts, String sentence, String think, List<String> facts, String openThink) {
    /** A draft whose reasoning is the same with and without options. */
    Draft(Family family, Map<String, String> fill, List<String> subjects, Map<String, String> params,
          List<String> values, List<String> texts, String sentence, String think, List<String> facts) {
        this(family, fill, subjects, params, values, texts, sentence, think, facts, think);
    }

    Draft {
        if (values.size() != 4 || texts.size() != 4) {
            throw new IllegalArgumentException(family.id() + ": a draft needs 4 options, got " + values.size());
        }
        if (!distinct(texts) || !distinct(values)) {
            throw new IllegalArgumentException(family.id() + ": options must be distinct: " + texts);
        }
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
