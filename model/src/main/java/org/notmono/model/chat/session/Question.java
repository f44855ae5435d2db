package org.notmono.model.chat.session;

import java.util.List;
import java.util.Objects;

import org.notmono.model.chat.SuggestedQuestion;

/**
 * What the user asked.
 *
 * @param text the question's words
 * @param options four options A-D for a multiple-choice question, or null
 * @param think whether the model was asked to reason first
 * @param suggestion the suggested question this was, when the user took one unchanged (it may know the answer), else null
 */
public record Question(String text, List<String> options, boolean think, SuggestedQuestion suggestion) {
    public static final String LETTERS = "ABCD";

    public Question {
        Objects.requireNonNull(text, "text");
        options = options == null ? null : List.copyOf(options);
    }

    public boolean multipleChoice() {
        return options != null;
    }

    /** The question as the model reads it back in later turns: the words, then the options. */
    public String asTurnText() {
        if (options == null) {
            return text;
        }
        StringBuilder b = new StringBuilder(text);
        for (int i = 0; i < options.size(); i++) {
            b.append('\n').append(LETTERS.charAt(i)).append(". ").append(options.get(i));
        }
        return b.toString();
    }
}
