package org.notmono.model.chat;

import java.util.List;

/**
 * How to sample an answer. {@code temperature} 0 means greedy; {@code topK} 0 and
 * {@code topP} 1 switch those filters off. The same settings and seed give the same answer.
 *
 * @param maxNewTokens at most this many generated tokens
 * @param temperature softmax temperature, 0 for greedy
 * @param topK keep the k most likely tokens (0: all)
 * @param topP keep the smallest set of tokens whose probability reaches p (1: all)
 * @param seed seed of the sampler
 * @param stopStrings generation stops once the text ends with one of these (it is kept in the text)
 */
public record GenerationSettings(int maxNewTokens, double temperature, int topK, double topP, long seed,
                                 List<String> stopStrings) {
    public GenerationSettings {
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("maxNewTokens must be at least 1, got " + maxNewTokens);
        }
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and >= 0, got " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("topK must be >= 0, got " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must be in (0, 1], got " + topP);
        }
        stopStrings = List.copyOf(stopStrings);
    }

    /** Greedy decoding of at most {@code maxNewTokens}, stopping after {@code </answer>}. */
    public static GenerationSettings greedy(int maxNewTokens) {
        return new GenerationSettings(maxNewTokens, 0, 0, 1, 0, List.of("</answer>"));
    }
}
