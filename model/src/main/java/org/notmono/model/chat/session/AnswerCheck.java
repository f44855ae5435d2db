package org.notmono.model.chat.session;

import java.util.List;

import org.notmono.model.chat.ChatAnswer;
import org.notmono.model.chat.SuggestedQuestion;

/**
 * An answer held against the ground truth of the question it answers: right or wrong for a
 * multiple-choice question whose letter is known, the true facts for an open one.
 *
 * @param verdict RIGHT, WRONG or FACTS (open question: no verdict, the truth to compare with)
 * @param summary one line for the user
 * @param facts the ground-truth facts the answer rests on
 */
public record AnswerCheck(Verdict verdict, String summary, List<String> facts) {

    public enum Verdict { RIGHT, WRONG, FACTS }

    public AnswerCheck {
        facts = List.copyOf(facts);
    }

    /** The check, or null when the question carries no known answer. */
    public static AnswerCheck of(SuggestedQuestion truth, ChatAnswer answer) {
        if (truth == null || !truth.hasAnswer()) {
            return null;
        }
        if (truth.answerLetter() != null) {
            String right = truth.answerLetter() + (truth.answerText() == null ? "" : " (" + truth.answerText() + ")");
            if (answer.letter() == null) {
                return new AnswerCheck(Verdict.WRONG, "Wrong: the answer names no option A-D; the right one is " + right,
                        truth.facts());
            }
            boolean ok = answer.letter().equals(truth.answerLetter());
            return new AnswerCheck(ok ? Verdict.RIGHT : Verdict.WRONG,
                    ok ? "Right: " + right : "Wrong: the model chose " + answer.letter() + ", the right answer is " + right,
                    truth.facts());
        }
        return new AnswerCheck(Verdict.FACTS, "Ground truth: " + truth.answerText(), truth.facts());
    }
}
