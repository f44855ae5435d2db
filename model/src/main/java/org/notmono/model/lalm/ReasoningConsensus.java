package org.notmono.model.lalm;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.notmono.model.chat.GenerationSettings;
import org.notmono.model.generate.Generated;
import org.notmono.model.generate.Generator;
import org.notmono.model.tokenizer.SpecialTokens;
import org.notmono.task.TaskContext;

/**
 * Self-consistency over reasonings (Wang et al., "Self-Consistency Improves Chain of Thought
 * Reasoning in Language Models", ICLR 2023), weighed by option likelihood (docs/decisions/0015):
 * the model's own reasoning and {@link #SAMPLED} more, sampled at {@link #TEMPERATURE}, each give
 * the four options' probabilities after it ({@link OptionLikelihood}); the answer's are their
 * mean, so a reasoning that hesitates counts for less than one that is sure, where a vote would
 * count both alike. The sampled reasonings are decoded as one batch and stop at {@code <answer>}.
 */
public final class ReasoningConsensus {
    /** Reasonings sampled beside the model's own. */
    public static final int SAMPLED = 7;
    /** Their softmax temperature: below Stage 4's 1.0, so each stays close to what the model believes. */
    public static final double TEMPERATURE = 0.7;

    private final Generator generator;
    private final OptionLikelihood likelihood;

    /** The sampled reasonings come from {@code generator}, the options' probabilities from {@code likelihood}. */
    public ReasoningConsensus(Generator generator, OptionLikelihood likelihood) {
        this.generator = generator;
        this.likelihood = likelihood;
    }

    /**
     * The options' probabilities after each reasoning, and their mean.
     *
     * @param own      the model's own reasoning's probabilities (one entry per option)
     * @param mean     the mean over every reasoning that fitted the context, the own one included
     * @param weighed  how many reasonings the mean is over
     */
    public record Weighed(double[] own, double[] mean, int weighed) {
    }

    /**
     * Weighs the options after the model's own text and {@link #SAMPLED} sampled reasonings.
     *
     * @param prompt  the prompt's embeddings [1, T, d], audio included
     * @param own     the model's own text after the prompt (its reasoning, and whatever it answered)
     * @param options the options A-D as the prompt lists them
     * @param settings the request's settings: the samples keep its token limit and seed, at {@link #TEMPERATURE}
     * @return the probabilities, or null when even the own reasoning does not fit the context with
     *         the options, or when the task was cancelled while sampling
     */
    public Weighed weigh(NDArray prompt, String own, List<String> options, GenerationSettings settings, TaskContext task,
                         NDManager manager) {
        try (OptionLikelihood.Prompted prompted = likelihood.prompted(prompt, manager)) {
            double[] ownScores = prompted.score(OptionLikelihood.answerPrefix(own), options);
            if (ownScores == null) {
                return null;
            }
            GenerationSettings sampling = new GenerationSettings(settings.maxNewTokens(), TEMPERATURE, 0, 1, settings.seed(),
                    List.of(SpecialTokens.ANSWER));
            List<Generated> samples = generator.sample(prompt, SAMPLED, sampling, task);
            if (task.isCancelled()) {
                return null;
            }
            List<double[]> probabilities = new ArrayList<>();
            probabilities.add(OptionLikelihood.probabilities(ownScores));
            for (Generated sample : samples) {
                double[] scores = prompted.score(OptionLikelihood.answerPrefix(sample.text()), options);
                if (scores != null) {
                    probabilities.add(OptionLikelihood.probabilities(scores));
                }
            }
            return new Weighed(probabilities.getFirst(), mean(probabilities), probabilities.size());
        }
    }

    private static double[] mean(List<double[]> rows) {
        double[] mean = new double[rows.getFirst().length];
        for (double[] row : rows) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += row[i] / rows.size();
            }
        }
        return mean;
    }
}
