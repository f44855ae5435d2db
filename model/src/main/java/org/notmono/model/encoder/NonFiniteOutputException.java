package org.notmono.model.encoder;

/**
 * The encoder's outputs hold NaN or infinity: its weights are corrupt or diverged (finite
 * weights can still overflow). Commands turn this into a refusal of the checkpoint.
 */
public class NonFiniteOutputException extends IllegalStateException {
    public NonFiniteOutputException() {
        super("the encoder's outputs are not finite (NaN or infinity): its weights are corrupt or diverged");
    }
}
