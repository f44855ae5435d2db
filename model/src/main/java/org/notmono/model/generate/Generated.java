package org.notmono.model.generate;

/**
 * One generated sequence.
 *
 * @param text the decoded text (stop tokens left out, a matched stop string kept)
 * @param tokens the generated ids (stop token left out)
 * @param reason why generation ended
 * @param firstTokenNanos {@link System#nanoTime()} when the first token was chosen
 */
public record Generated(String text, long[] tokens, StopReason reason, long firstTokenNanos) {

    /** Why a sequence ended. */
    public enum StopReason {
        /** The model emitted an end-of-turn token. */
        END_TOKEN,
        /** The text reached a stop string. */
        STOP_STRING,
        /** The token budget was spent. */
        MAX_TOKENS,
        /** The sequence filled the model's context. */
        CONTEXT_FULL,
        /** The task was cancelled. */
        CANCELLED
    }
}
