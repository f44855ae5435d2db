package org.notmono.model.chat;

import java.util.List;

/**
 * A question the chat offers about a clip. When it was made from the clip's ground truth (an
 * RTSD) it carries the right answer, so the chat can check the model against it.
 *
 * @param family the ASA task family, e.g. "azimuth" (TWNM appendix C)
 * @param question the question's words
 * @param options four options A-D, or null for an open question
 * @param answerLetter the right option, or null when unknown or open
 * @param answerText the right answer in words, or null when unknown
 * @param facts the ground-truth facts the answer rests on, in words, for showing beside an answer
 */
public record SuggestedQuestion(String family, String question, List<String> options, Character answerLetter,
                                String answerText, List<String> facts) {
    public SuggestedQuestion {
        options = options == null ? null : List.copyOf(options);
        facts = List.copyOf(facts);
    }

    /** True when the right answer is known. */
    public boolean hasAnswer() {
        return answerLetter != null || answerText != null;
    }
}
