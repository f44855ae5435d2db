package org.notmono.training.stage1;

/** A run stopped because its loss or gradients stayed NaN or infinite for several steps in a row. */
public final class NonFiniteTrainingException extends IllegalStateException {

    public NonFiniteTrainingException(String message) {
        super(message);
    }
}
