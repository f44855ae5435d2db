package org.notmono.model.chat;

import java.util.List;
import java.util.Objects;

import org.notmono.audio.AudioClip;

/**
 * One question about one clip.
 *
 * @param foa the clip the model hears: 4-channel ambiX FOA at any sample rate (the model resamples)
 * @param history earlier turns about the same clip, oldest first (may be empty)
 * @param question the user's words
 * @param options four multiple-choice options A-D, or null for an open question
 * @param think whether the model should reason in {@code <think>} before answering
 * @param settings sampling settings
 * @param choice how the answer to a multiple-choice question names its option
 */
public record ChatRequest(AudioClip foa, List<ChatTurn> history, String question, List<String> options,
                          boolean think, GenerationSettings settings, OptionChoice choice) {
    public ChatRequest {
        Objects.requireNonNull(foa, "foa");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(choice, "choice");
        history = List.copyOf(history);
        if (options != null) {
            if (options.size() != 4) {
                throw new IllegalArgumentException("a multiple-choice question needs 4 options (A-D), got " + options.size());
            }
            options = List.copyOf(options);
        }
    }

    /** A request whose multiple-choice answer names the option the model finds likeliest ({@link OptionChoice#LIKELIEST}). */
    public ChatRequest(AudioClip foa, List<ChatTurn> history, String question, List<String> options, boolean think,
                       GenerationSettings settings) {
        this(foa, history, question, options, think, settings, OptionChoice.LIKELIEST);
    }
}
