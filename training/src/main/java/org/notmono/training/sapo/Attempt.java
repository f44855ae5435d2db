package org.notmono.training.sapo;

/**
 * One rollout to be scored: the question the model saw (with its options), the right letter, and
 * the text the model wrote.
 *
 * @param question the user's words, options included
 * @param truth the right letter A-D
 * @param text the generated answer ({@code <think>...</think><answer>...</answer>} when well formed)
 */
public record Attempt(String question, char truth, String text) {
}
