package org.notmono.training.run;

import java.util.SplittableRandom;

/** Seeded orders of examples, the same on every machine for the same draws. */
public final class Shuffle {
    private Shuffle() {
    }

    /** 0..n-1 in a Fisher-Yates order drawn from {@code random}. */
    public static int[] indices(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
