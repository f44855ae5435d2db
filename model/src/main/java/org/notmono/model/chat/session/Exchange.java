package org.notmono.model.chat.session;

import java.util.Objects;

import org.notmono.model.chat.ChatAnswer;

/**
 * One question and what came back: an answer (possibly stopped part-way) or an error.
 *
 * @param answer the model's answer, or null when it failed
 * @param error what went wrong, in words, or null
 * @param model the name of the model that answered
 */
public record Exchange(Question question, ChatAnswer answer, String error, String model) {
    public Exchange {
        Objects.requireNonNull(question, "question");
        if ((answer == null) == (error == null)) {
            throw new IllegalArgumentException("an exchange has either an answer or an error");
        }
    }

    /** True when the model answered to the end (not stopped, no error): later questions build on it. */
    public boolean complete() {
        return answer != null && !answer.stopped();
    }

    /** The check of the answer against the suggested question's known answer, or null when there is none. */
    public AnswerCheck check() {
        return answer == null ? null : AnswerCheck.of(question.suggestion(), answer);
    }
}
