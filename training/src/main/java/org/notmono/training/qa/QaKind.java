package org.notmono.training.qa;

import java.util.Locale;

/**
 * The kinds of items: open questions with open-ended answers (Stage 2), open questions answered
 * with a chain of thought in {@code <think>...</think><answer>...</answer>} (Stage 3), and
 * multiple choice with four options (Stage 4 and the benchmark).
 */
public enum QaKind {
    OPEN, COT, MCQ;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static QaKind of(String id) {
        return valueOf(id.strip().toUpperCase(Locale.ROOT));
    }
}
