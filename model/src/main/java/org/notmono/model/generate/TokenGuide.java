package org.notmono.model.generate;

/**
 * Forces some generated tokens (constrained decoding): before each step the generator asks the
 * guide, given the text so far, for a token to write instead of sampling one; -1 lets the model
 * choose. A guide may keep state, so each generated sequence gets its own ({@link #sequence}).
 */
@FunctionalInterface
public interface TokenGuide {
    /** A guide that never forces: plain decoding. */
    TokenGuide FREE = () -> text -> -1;

    /** The guide of one new sequence. */
    Sequence sequence();

    /** The guide of one sequence being generated. */
    @FunctionalInterface
    interface Sequence {
        /** The token id to write next after {@code textSoFar} (the generated text only), or -1 to sample. */
        long next(String textSoFar);
    }
}
