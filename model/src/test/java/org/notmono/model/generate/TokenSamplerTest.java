package org.notmono.model.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.notmono.model.chat.GenerationSettings;

/** Gumbel-max with temperature, top-k and top-p draws from the distribution the formulas give. */
class TokenSamplerTest {
    private static final float[] LOGITS = {2.0f, 1.0f, 0.5f, -1.0f, 0.0f};
    private static final int DRAWS = 40_000;

    @Test
    void temperatureOneDrawsTheSoftmax() {
        assertFrequencies(settings(1.0, 0, 1), softmax(LOGITS, 1.0, new boolean[] {true, true, true, true, true}));
    }

    @Test
    void temperatureSharpens() {
        assertFrequencies(settings(0.5, 0, 1), softmax(LOGITS, 0.5, new boolean[] {true, true, true, true, true}));
    }

    @Test
    void topKKeepsTheKMostLikely() {
        assertFrequencies(settings(1.0, 2, 1), softmax(LOGITS, 1.0, new boolean[] {true, true, false, false, false}));
    }

    @Test
    void topPKeepsTheSmallestSetReachingP() {
        // softmax: 0.563, 0.207, 0.126, 0.028, 0.076 -> 0.563 + 0.207 = 0.770 reaches 0.75
        assertFrequencies(settings(1.0, 0, 0.75), softmax(LOGITS, 1.0, new boolean[] {true, true, false, false, false}));
        // 0.8 needs the third most likely too
        assertFrequencies(settings(1.0, 0, 0.8), softmax(LOGITS, 1.0, new boolean[] {true, true, true, false, false}));
    }

    @Test
    void greedyTakesTheLargest() {
        assertEquals(0, new TokenSampler(settings(0, 0, 1)).next(LOGITS, new SplittableRandom(1)));
    }

    private static GenerationSettings settings(double t, int k, double p) {
        return new GenerationSettings(10, t, k, p, 0, List.of());
    }

    private static void assertFrequencies(GenerationSettings s, double[] expected) {
        TokenSampler sampler = new TokenSampler(s);
        SplittableRandom random = new SplittableRandom(3);
        int[] counts = new int[LOGITS.length];
        for (int i = 0; i < DRAWS; i++) {
            counts[sampler.next(LOGITS, random)]++;
        }
        for (int i = 0; i < LOGITS.length; i++) {
            assertEquals(expected[i], counts[i] / (double) DRAWS, 0.01, "token " + i);
        }
    }

    private static double[] softmax(float[] logits, double t, boolean[] keep) {
        double[] p = new double[logits.length];
        double total = 0;
        for (int i = 0; i < logits.length; i++) {
            p[i] = keep[i] ? Math.exp(logits[i] / t) : 0;
            total += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= total;
        }
        return p;
    }
}
