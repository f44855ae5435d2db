package org.notmono.model.chat;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a model's answer to a multiple-choice question names its option (docs/decisions/0004).
 */
public enum OptionChoice {
    /**
     * The option whose text the model finds likeliest as its answer after its own reasoning; the
     * answer is written with that option's letter and text, and a notice gives every option's
     * probability and the letter the model wrote itself.
     */
    LIKELIEST("likeliest"),
    /** The letter the model writes, as it writes it. */
    WRITTEN("written");

    private final String id;

    OptionChoice(String id) {
        this.id = id;
    }

    /** The name the command line takes ({@code --choice likeliest}). */
    public String id() {
        return id;
    }

    /** The choice {@code id} names, if any. */
    public static Optional<OptionChoice> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
