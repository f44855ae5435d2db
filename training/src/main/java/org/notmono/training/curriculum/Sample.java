package org.notmono.training.curriculum;

/**
 * One supervised example as text: a ChatML prompt (holding {@code <AcousticTokens>} once when it
 * is heard with a clip) and the completion the loss is taken on.
 *
 * @param clip the clip's path relative to the dataset (in Stage 0: whose scene's truth is heard), or null for a text-only
 *             example (Stage 0)
 */
public record Sample(String clip, String prompt, String completion) {
}
