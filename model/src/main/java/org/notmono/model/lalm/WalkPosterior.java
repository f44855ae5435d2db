package org.notmono.model.lalm;

import java.util.Arrays;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.notmono.model.lm.KvCache;
import org.notmono.model.lm.Qwen2Model;
import org.notmono.model.tokenizer.TextTokenizer;

/**
 * Where a model's walk over the options most probably ends (docs/decisions/0006). The curriculum
 * trains a multiple-choice answer as reasoning, then the options in the prompt's order each
 * judged "- no" until the first "- yes" ({@link WalkText}). With p<sub>k</sub> the probability of
 * " yes" rather than " no" on option k's line, after the reasoning and every earlier line judged
 * "no" (the two judgement tokens' probabilities normalised to sum to 1), the walk ends at option k
 * with probability (1 - p<sub>A</sub>)...(1 - p<sub>k-1</sub>) p<sub>k</sub>, and at the last
 * option with the remainder (a walk that reaches it has nowhere else to stop). Every p<sub>k</sub>
 * comes from one teacher-forced pass over the walk written with the prompt's options and "- no" on
 * every line but the last, after the model's own reasoning.
 *
 * <p>Why: greedy decoding says "no" on every line whose p<sub>k</sub> is under one half, and the
 * training data's prior for "yes" on lines A, B, C, D given the earlier lines "no" is 1/4, 1/3,
 * 1/2, 1, so a model whose evidence is weak walks past A and B even when A is the option it finds
 * likeliest. The option with the largest posterior is the Bayes decision.
 */
public final class WalkPosterior {
    private final Qwen2Model lm;
    private final TextTokenizer tokenizer;
    private final long yes;
    private final long no;

    /** @throws IllegalArgumentException when the tokenizer does not write " yes" and " no" as one token each */
    public WalkPosterior(Qwen2Model lm, TextTokenizer tokenizer) {
        this.lm = lm;
        this.tokenizer = tokenizer;
        this.yes = judgementToken(tokenizer, WalkText.YES);
        this.no = judgementToken(tokenizer, WalkText.NO);
    }

    /** The one token of a judgement's word (" yes" of " - yes"). */
    private static long judgementToken(TextTokenizer tokenizer, String judgement) {
        String word = judgement.substring(judgement.lastIndexOf(' '));
        long[] ids = tokenizer.encode(word);
        if (ids.length != 1) {
            throw new IllegalArgumentException("the tokenizer writes the judgement '" + word + "' in " + ids.length
                    + " tokens; the walk posterior reads it as one");
        }
        return ids[0];
    }

    /**
     * The probability that the walk ends at each option.
     *
     * @param prompt the prompt's embeddings [1, T, d], audio included
     * @param reasoning the model's text up to where its walk starts ({@link WalkText#reasoning})
     * @param options the options as the prompt lists them
     * @return one probability per option, summing to 1, or null when the prompt, the reasoning and
     *         the walk do not fit the model's context together
     */
    public double[] posterior(NDArray prompt, String reasoning, List<String> options, NDManager manager) {
        return posterior(yesProbabilities(prompt, reasoning, options, manager));
    }

    /**
     * p<sub>k</sub> for every option but the last: the probability of " yes" rather than " no" on
     * its line after the reasoning and the earlier lines judged "no"; null when it does not fit.
     */
    double[] yesProbabilities(NDArray prompt, String reasoning, List<String> options, NDManager manager) {
        int judged = options.size() - 1;
        if (judged <= 0) {
            return new double[0];
        }
        // the walk's text encoded whole, as the curriculum encodes it; each line's judgement is the last token of its prefix
        StringBuilder text = new StringBuilder(reasoning);
        int[] at = new int[judged];
        long[] ids = null;
        for (int k = 0; k < judged; k++) {
            text.append(WalkText.line(k, options.get(k), false));
            long[] upTo = tokenizer.encode(text.toString());
            at[k] = upTo.length - 1;
            if (upTo[at[k]] != no || ids != null && !Arrays.equals(ids, 0, ids.length, upTo, 0, ids.length)) {
                throw new IllegalStateException("the walk's text does not encode line by line: " + text);
            }
            ids = upTo;
        }
        int promptLength = (int) prompt.getShape().get(1);
        int last = at[judged - 1];
        if (promptLength + last > lm.config().maxPositions()) {
            return null;
        }
        int cached = at[0] - 1; // the tokens before the first judgement's prediction go into the cache
        try (NDManager scope = manager.newSubManager()) {
            KvCache cache = lm.newCache(scope, promptLength + last);
            NDArray start = prompt.duplicate();
            start.attach(scope);
            if (cached > 0) {
                start = start.concat(lm.embed(scope.create(Arrays.copyOf(ids, cached), new Shape(1, cached))), 1);
            }
            lm.hidden(start, cache, false);
            long[] rest = Arrays.copyOfRange(ids, cached, last);
            NDArray logits = lm.forward(lm.embed(scope.create(rest, new Shape(1, rest.length))), cache, false);
            float[] l = logits.toFloatArray();
            cache.close();
            int vocab = (int) logits.getShape().get(2);
            double[] p = new double[judged];
            for (int k = 0; k < judged; k++) {
                // token at[k] is predicted at row at[k] - 1 - cached; over yes and no alone the log-softmax cancels
                int row = at[k] - 1 - cached;
                double margin = l[row * vocab + (int) yes] - l[row * vocab + (int) no];
                p[k] = 1 / (1 + Math.exp(-margin));
            }
            return p;
        }
    }

    /**
     * The walk's end given p<sub>k</sub> for every option but the last (null stays null): option k
     * gets (1 - p<sub>0</sub>)...(1 - p<sub>k-1</sub>) p<sub>k</sub>, the last option the remainder.
     */
    static double[] posterior(double[] yesProbabilities) {
        if (yesProbabilities == null) {
            return null;
        }
        double[] out = new double[yesProbabilities.length + 1];
        double reached = 1;
        for (int k = 0; k < yesProbabilities.length; k++) {
            out[k] = reached * yesProbabilities[k];
            reached *= 1 - yesProbabilities[k];
        }
        out[yesProbabilities.length] = reached;
        return out;
    }
}
