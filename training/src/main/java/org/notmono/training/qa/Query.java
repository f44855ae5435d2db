package org.notmono.training.qa;

import java.util.List;
import java.util.Map;

/**
 * What an item asks, in a form rules can evaluate on any perceived scene (the truth, the
 * encoder's slots, the DSP localizer's): the classes it names, its parameters (a rotation, a
 * location, nearest or farthest...) and the canonical value of each option.
 *
 * @param subjects class ids the question names, in order ({X} then {Y})
 * @param params   family-specific parameters, e.g. {@code turn -> 90}
 * @param values   the options' canonical values in option order (for open items: the answer's value only)
 */
public record Query(List<String> subjects, Map<String, String> params, List<String> values) {
    public Query {
        subjects = List.copyOf(subjects);
        params = Map.copyOf(params);
        values = List.copyOf(values);
    }

    public String subject(int i) {
        return subjects.get(i);
    }

    public String param(String key) {
        String v = params.get(key);
        if (v == null) {
            throw new IllegalArgumentException("query has no parameter " + key);
        }
        return v;
    }
}
