package org.notmono.training.qa;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/** Seeded choices for the question makers (only {@link SplittableRandom}'s specified outputs). */
final class Picks {
    private Picks() {
    }

    static <T> T one(SplittableRandom r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    /**
     * {@code k} elements of {@code list} (whose elements are distinct) that pass {@code keep},
     * in random order; null when there are fewer.
     */
    static <T> List<T> some(SplittableRandom r, List<T> list, int k, Predicate<T> keep) {
        List<T> pool = new ArrayList<>(list.size());
        for (T t : list) {
            if (keep.test(t)) {
                pool.add(t);
            }
        }
        if (pool.size() < k) {
            return null;
        }
        for (int i = 0; i < k; i++) { // a partial Fisher-Yates: only the first k places are drawn
            int j = i + r.nextInt(pool.size() - i);
            T t = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, t);
        }
        return new ArrayList<>(pool.subList(0, k));
    }

    /** Fisher-Yates in place. */
    static <T> void shuffle(SplittableRandom r, List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String lower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
