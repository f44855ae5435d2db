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
    LIKELIEST("likeliest", "likeliest option",
            "The answer is the option whose text the model finds likeliest after its own reasoning, whatever letter it wrote."),
    /** The letter the model writes, as it writes it. */
    WRITTEN("written", "written letter", "The answer is the letter the model writes, as it writes it."),
    /**
     * The option where the model's walk over the options most probably ends, weighing its "yes"
     * and "no" on every line after its own reasoning (docs/decisions/0006); the answer's walk is
     * rewritten to end there, and a notice gives every option's probability and the letter the
     * model wrote itself. Needs the model to reason first.
     */
    WALK("walk", "walk's likeliest end",
            "The answer is the option where the model's walk over the options most probably ends, weighing its yes and no on every"
                    + " line after its own reasoning, whatever letter it wrote."),
    /**
     * The option the model finds likeliest on average over its own reasoning and seven more
     * sampled (self-consistency weighed by option likelihood, docs/decisions/0015); the answer is
     * written after the model's own reasoning with that option, and a notice gives the mean
     * probabilities, those after its own reasoning and the letter it wrote. Needs the model to
     * reason first; about three times slower than {@link #LIKELIEST}.
     */
    CONSENSUS("consensus", "consensus of 8 reasonings",
            "The answer is the option the model finds likeliest on average over its own reasoning and 7 more it samples at"
                    + " temperature 0.7 (self-consistency), whatever letter it wrote; about three times slower.");

    private final String id;
    private final String label;
    private final String description;

    OptionChoice(String id, String label, String description) {
        this.id = id;
        this.label = label;
        this.description = description;
    }

    /** The name the command line takes ({@code --choice likeliest}). */
    public String id() {
        return id;
    }

    /** Its name in a chooser ({@code likeliest option}). */
    public String label() {
        return label;
    }

    /** What the answer is, in a sentence. */
    public String description() {
        return description;
    }

    /** Every choice's name as a list in prose: "likeliest, written, walk or consensus". */
    public static String ids() {
        OptionChoice[] all = values();
        return String.join(", ", Arrays.stream(all).limit(all.length - 1).map(OptionChoice::id).toList()) + " or " + all[all.length - 1].id;
    }

    /** The choice {@code id} names, if any. */
    public static Optional<OptionChoice> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
