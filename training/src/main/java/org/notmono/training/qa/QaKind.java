package org.notmono.training.qa;

import java.util.Locale;

/**
 * The kinds of items: open questions with open-ended answers (Stage 2), open questions answered
 * with a chain of thought in {@code <think>...</think><answer>...</answer>} (Stage 3), and
 * multiple choice with four options (Stage 4 and the benchmark).
 */
public enum QaKind {
    OPEN, COT, MCQ;

    private final String id = name().toLowerCase(Locale.ROOT);

    /** {@code open}, {@code cot} or {@code mcq}. */
    public String id() {
        return id;
    }

    /** The kind {@code id} names ({@code open}, {@code cot} or {@code mcq}, any case); otherwise an IllegalArgumentException saying so. */
    public static QaKind of(String id) {
        for (QaKind k : values()) {
            if (k.name().equalsIgnoreCase(id.strip())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown kind '" + id + "' (open, cot or mcq)");
    }
}
