package org.notmono.model.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.notmono.model.chat.GenerationSettings;

/**
 * Picks the next token from one row of logits: greedy when the temperature is 0; otherwise
 * temperature, then top-k, then top-p (the smallest set of most likely tokens whose
 * probability reaches p), then Gumbel-max (argmax of logit + Gumbel noise), which draws from
 * the softmax of the kept logits exactly. DJL's {@code randomMultinomial} is missing on this
 * engine (notes/djl-on-cpu.md), and a vocabulary row is small enough for Java.
 */
public final class TokenSampler {
    private final GenerationSettings settings;

    public TokenSampler(GenerationSettings settings) {
        this.settings = settings;
    }

    /** The next token id for {@code logits} (one vocabulary row); {@code random} is the row's own stream. */
    public int next(float[] logits, SplittableRandom random) {
        if (settings.temperature() == 0) {
            return argMax(logits);
        }
        int v = logits.length;
        double[] scaled = new double[v];
        for (int i = 0; i < v; i++) {
            scaled[i] = logits[i] / settings.temperature();
        }
        boolean[] keep = new boolean[v];
        Arrays.fill(keep, true);
        Integer[] order = null;
        if (settings.topK() > 0 && settings.topK() < v || settings.topP() < 1) {
            order = new Integer[v];
            for (int i = 0; i < v; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(scaled[b], scaled[a]));
        }
        if (settings.topK() > 0 && settings.topK() < v) {
            for (int r = settings.topK(); r < v; r++) {
                keep[order[r]] = false;
            }
        }
        if (settings.topP() < 1) {
            double max = scaled[order[0]];
            double total = 0;
            for (int i = 0; i < v; i++) {
                if (keep[i]) {
                    total += Math.exp(scaled[i] - max);
                }
            }
            double cumulative = 0;
            boolean reached = false;
            for (int r = 0; r < v; r++) {
                int i = order[r];
                if (!keep[i]) {
                    continue;
                }
                if (reached) {
                    keep[i] = false;
                } else {
                    cumulative += Math.exp(scaled[i] - max) / total;
                    reached = cumulative >= settings.topP();
                }
            }
        }
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < v; i++) {
            if (!keep[i]) {
                continue;
            }
            double u = random.nextDouble();
            double gumbel = -Math.log(-Math.log(u == 0 ? Double.MIN_VALUE : u));
            double score = scaled[i] + gumbel;
            if (score > bestScore || best < 0) {
                best = i;
                bestScore = score;
            }
        }
        return best;
    }

    static int argMax(float[] row) {
        int best = 0;
        for (int i = 1; i < row.length; i++) {
            if (row[i] > row[best]) {
                best = i;
            }
        }
        return best;
    }
}
