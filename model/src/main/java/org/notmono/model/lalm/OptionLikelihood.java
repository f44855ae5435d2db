package org.notmono.model.lalm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.notmono.model.lm.KvCache;
import org.notmono.model.lm.Qwen2Model;
import org.notmono.model.tokenizer.SpecialTokens;
import org.notmono.model.tokenizer.TextTokenizer;

/**
 * How likely a model finds each option of a multiple-choice question as its answer: after the
 * prompt and the model's own text up to {@code <answer>}, the log-probability of writing the
 * option's text and {@code </answer>} behind its letter ("B." + " To your left" + "&lt;/answer&gt;";
 * the letter's own probability is left out). This is how lm-evaluation-harness scores
 * multiple-choice benchmarks, and the reason it is used here (docs/decisions/0004): a small
 * decoder trained from scratch writes the option it believes but names a letter close to chance.
 */
public final class OptionLikelihood {
    private final Qwen2Model lm;
    private final TextTokenizer tokenizer;

    public OptionLikelihood(Qwen2Model lm, TextTokenizer tokenizer) {
        this.lm = lm;
        this.tokenizer = tokenizer;
    }

    /** The token ids of option {@code index}'s answer: the letter and '.', then the text and {@code </answer>}. */
    record Continuation(long[] letter, long[] text) {
        long[] all() {
            long[] out = Arrays.copyOf(letter, letter.length + text.length);
            System.arraycopy(text, 0, out, letter.length, text.length);
            return out;
        }
    }

    Continuation continuation(int index, String option) {
        String line = ChatPrompt.optionLine(index, option);
        int dot = line.indexOf('.') + 1;
        // byte-level BPE splits "B." from the space-led word after it, so the parts encode as the whole does
        long[] letter = tokenizer.encode(line.substring(0, dot));
        long[] text = tokenizer.encode(line.substring(dot) + SpecialTokens.ANSWER_END);
        return new Continuation(letter, text);
    }

    /**
     * The log-likelihood (natural log, summed over tokens) of each option's text as the answer.
     *
     * @param prompt the prompt's embeddings [1, T, d], audio included
     * @param written the model's text after the prompt up to and including {@code <answer>}
     * @param options the options A-D as the prompt lists them
     * @return one log-likelihood per option, or null when the prompt, the text and an option do
     *         not fit the model's context together
     */
    public double[] score(NDArray prompt, String written, List<String> options, NDManager manager) {
        try (Prompted prompted = prompted(prompt, manager)) {
            return prompted.score(written, options);
        }
    }

    /**
     * {@code prompt} processed once, for scoring the options after several texts (the rollouts of
     * one prompt): each {@link Prompted#score} then runs only its own text and the options. Close it
     * to free the prompt's cache.
     */
    public Prompted prompted(NDArray prompt, NDManager manager) {
        return new Prompted(prompt, manager);
    }

    /** A prompt whose keys and values are cached, scored after any number of texts. */
    public final class Prompted implements AutoCloseable {
        private final NDManager scope;
        private final NDArray prompt;
        private final int promptLength;
        private KvCache promptCache; // made by the first text that fits

        private Prompted(NDArray prompt, NDManager manager) {
            this.scope = manager.newSubManager();
            this.prompt = prompt;
            this.promptLength = (int) prompt.getShape().get(1);
        }

        /** The prompt's keys and values, computed the first time; the pass's other arrays are freed at once. */
        private KvCache promptCache() {
            if (promptCache == null) {
                promptCache = lm.newCache(scope, promptLength);
                try (NDManager pass = scope.newSubManager()) {
                    NDArray start = prompt.duplicate();
                    start.attach(pass);
                    lm.hidden(start, promptCache, false);
                }
            }
            return promptCache;
        }

        /** As {@link OptionLikelihood#score}, for this prompt. */
        public double[] score(String written, List<String> options) {
            long[] prefix = tokenizer.encode(written);
            List<Continuation> answers = new ArrayList<>();
            int longest = 0;
            for (int i = 0; i < options.size(); i++) {
                Continuation c = continuation(i, options.get(i));
                answers.add(c);
                longest = Math.max(longest, c.all().length);
            }
            if (promptLength + prefix.length + longest > lm.config().maxPositions()) {
                return null;
            }
            int rows = options.size();
            try (NDManager text = scope.newSubManager()) {
                KvCache shared = promptCache().repeatRows(1); // a copy: the prompt's own cache stays as it is for the next text
                if (prefix.length > 0) {
                    lm.hidden(lm.embed(text.create(prefix, new Shape(1, prefix.length))), shared, false);
                }
                KvCache cache = shared.repeatRows(rows);
                shared.close();
                // right-padded rows: causal attention keeps the padding from touching the positions scored
                long[] ids = new long[rows * longest];
                for (int r = 0; r < rows; r++) {
                    long[] row = answers.get(r).all();
                    System.arraycopy(row, 0, ids, r * longest, row.length);
                }
                NDArray logProbs = lm.forward(lm.embed(text.create(ids, new Shape(rows, longest))), cache, false).logSoftmax(2);
                float[] lp = logProbs.toFloatArray();
                cache.close();
                int vocab = (int) logProbs.getShape().get(2);
                double[] scores = new double[rows];
                for (int r = 0; r < rows; r++) {
                    Continuation c = answers.get(r);
                    long[] row = c.all();
                    // token j is predicted at position j - 1 of the row; the letter (j < letter.length) is not scored
                    for (int j = c.letter().length; j < row.length; j++) {
                        scores[r] += lp[(r * longest + j - 1) * vocab + (int) row[j]];
                    }
                }
                return scores;
            }
        }

        @Override
        public void close() {
            scope.close(); // the prompt's cache with it
        }
    }

    /** Probabilities of the options given their log-likelihoods (a softmax over the four). */
    public static double[] probabilities(double[] logLikelihoods) {
        double max = Arrays.stream(logLikelihoods).max().orElse(0);
        double[] p = Arrays.stream(logLikelihoods).map(l -> Math.exp(l - max)).toArray();
        double sum = Arrays.stream(p).sum();
        return Arrays.stream(p).map(x -> x / sum).toArray();
    }

    /** The index of the likeliest option (the first of equals). */
    public static int likeliest(double[] logLikelihoods) {
        int best = 0;
        for (int i = 1; i < logLikelihoods.length; i++) {
            if (logLikelihoods[i] > logLikelihoods[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The part of a model's text that every option's answer continues: up to and including
     * {@code <answer>}, closing an open reasoning section first when the model never got there.
     */
    public static String answerPrefix(String generated) {
        int at = generated.indexOf(SpecialTokens.ANSWER);
        if (at >= 0) {
            return generated.substring(0, at + SpecialTokens.ANSWER.length());
        }
        boolean open = generated.contains(SpecialTokens.THINK) && !generated.contains(SpecialTokens.THINK_END);
        return generated + (open ? SpecialTokens.THINK_END : "") + SpecialTokens.ANSWER;
    }
}
