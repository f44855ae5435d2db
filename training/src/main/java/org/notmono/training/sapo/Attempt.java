package org.notmono.training.sapo;

import org.notmono.model.lalm.AnswerParts;

/**
 * One rollout to be scored: the question the model saw (with its options), the right letter, the
 * text the model wrote, and the option its answer names.
 *
 * @param question the user's words, options included
 * @param truth the right letter A-D
 * @param text the generated answer ({@code <think>...</think><answer>...</answer>} when well formed)
 * @param named the option the answer names as the LALM answers (decision record 0004: the one whose
 *              text the model finds likeliest after this text), or null when it names none
 */
public record Attempt(String question, char truth, String text, Character named) {

    /** An attempt whose answer names the letter it writes (the strict rule of the ASA benchmark). */
    public static Attempt written(String question, char truth, String text) {
        return new Attempt(question, truth, text, AnswerParts.of(text, true).letter());
    }
}
