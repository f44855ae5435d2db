package org.notmono.model.chat;

import java.util.List;

/**
 * A finished (or stopped) answer.
 *
 * @param text everything generated, tags included
 * @param think the text inside {@code <think>...</think>}, or null
 * @param answer the text inside {@code <answer>...</answer>}, or the whole text when there are no tags
 * @param letter the chosen option A-D by the strict rule of DESIGN.md, or null
 * @param heard the span of the clip the model heard
 * @param notices plain-language notes for the user (a prompt that was cut, a clip that was resampled...)
 * @param promptTokens tokens in the prompt, audio positions included
 * @param generatedTokens tokens generated
 * @param firstTokenMillis time from the request to the first generated token, encoding included
 * @param totalMillis time of the whole request
 * @param stopped true when the user cancelled before the end
 * @param walkPosterior for an answer chosen by {@link OptionChoice#WALK}, the probability that the
 *                      model's walk over the options ends at each option; null otherwise
 */
public record ChatAnswer(String text, String think, String answer, Character letter, HeardSpan heard,
                         List<String> notices, int promptTokens, int generatedTokens, long firstTokenMillis,
                         long totalMillis, boolean stopped, List<Double> walkPosterior) {
    public ChatAnswer {
        notices = List.copyOf(notices);
        walkPosterior = walkPosterior == null ? null : List.copyOf(walkPosterior);
    }

    /** An answer without a walk posterior. */
    public ChatAnswer(String text, String think, String answer, Character letter, HeardSpan heard, List<String> notices,
                      int promptTokens, int generatedTokens, long firstTokenMillis, long totalMillis, boolean stopped) {
        this(text, think, answer, letter, heard, notices, promptTokens, generatedTokens, firstTokenMillis, totalMillis, stopped, null);
    }
}
