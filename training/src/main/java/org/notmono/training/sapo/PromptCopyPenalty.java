package org.notmono.training.sapo;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Prompt-copy hallucination (TWNM: "references the text prompt description instead of the audio"),
 * a penalty in [0, 1]: 1 when the reasoning or answer quotes the question (a run of {@code span}
 * consecutive words of the question, options left out since naming an option is fine) or appeals
 * to the text ("the question says", "the prompt", "as described"); else 0.
 *
 * @param span consecutive words of the question that count as copying
 */
public record PromptCopyPenalty(int span) implements RewardPart {
    /** Phrases that lean on the text instead of the audio. */
    public static final List<String> TEXT_APPEALS = List.of("the prompt", "the question says", "the question states",
            "the text says", "as described", "the description says", "according to the question", "according to the text");

    public PromptCopyPenalty {
        if (span < 2) {
            throw new IllegalArgumentException("a copied span needs at least 2 words, got " + span);
        }
    }

    @Override
    public String name() {
        return "hallucination";
    }

    @Override
    public double score(Attempt attempt) {
        String said = normalise(attempt.text().replaceAll("</?(think|answer)>", " "));
        for (String appeal : TEXT_APPEALS) {
            if ((" " + said + " ").contains(" " + appeal + " ")) {
                return 1;
            }
        }
        String question = attempt.question().lines().findFirst().orElse(""); // the options follow on their own lines
        List<String> words = Arrays.asList(normalise(question).split(" "));
        Set<String> spans = new HashSet<>();
        for (int i = 0; i + span <= words.size(); i++) {
            spans.add(String.join(" ", words.subList(i, i + span)));
        }
        List<String> out = Arrays.asList(said.split(" "));
        for (int i = 0; i + span <= out.size(); i++) {
            if (spans.contains(String.join(" ", out.subList(i, i + span)))) {
                return 1;
            }
        }
        return 0;
    }

    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }
}
