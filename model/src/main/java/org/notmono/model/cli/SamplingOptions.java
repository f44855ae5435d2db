package org.notmono.model.cli;

import java.util.List;

import org.notmono.cli.InputException;
import org.notmono.model.chat.GenerationSettings;
import picocli.CommandLine.Option;

/**
 * The sampling options {@code --temperature}, {@code --top-k}, {@code --top-p} and
 * {@code --seed}, for any command that generates text: add {@code @Mixin SamplingOptions
 * sampling;} and call {@link #settings}. The defaults are greedy decoding.
 */
public final class SamplingOptions {
    @Option(names = "--temperature", paramLabel = "T", defaultValue = "0", description = "0 for greedy (default), else sampling temperature")
    double temperature;

    @Option(names = "--top-k", paramLabel = "K", defaultValue = "0", description = "keep the K most likely tokens (0: all)")
    int topK;

    @Option(names = "--top-p", paramLabel = "P", defaultValue = "1", description = "nucleus sampling mass (1: off)")
    double topP;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "sampling seed")
    long seed;

    /**
     * Settings for at most {@code maxTokens} tokens that stop at {@code stopStrings}.
     *
     * @throws InputException for an option out of range (exit 2)
     */
    public GenerationSettings settings(int maxTokens, List<String> stopStrings) {
        try {
            return new GenerationSettings(maxTokens, temperature, topK, topP, seed, stopStrings);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
    }

    /** The options in words, e.g. {@code greedy} or {@code temperature 0.7, top-p 0.95}. */
    public String describe() {
        if (temperature == 0) {
            return "greedy";
        }
        StringBuilder s = new StringBuilder("temperature ").append(temperature);
        if (topK > 0) {
            s.append(", top-k ").append(topK);
        }
        if (topP < 1) {
            s.append(", top-p ").append(topP);
        }
        return s.toString();
    }
}
