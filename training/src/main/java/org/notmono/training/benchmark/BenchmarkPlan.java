package org.notmono.training.benchmark;

import java.util.EnumMap;
import java.util.Map;

import org.notmono.training.qa.Family;

/**
 * How many items of each family a benchmark holds: TWNM's level totals (L1 385, L2 279, L3 336
 * of 1,000), each split evenly over the level's families (the first families take the remainder).
 */
public record BenchmarkPlan(Map<Family, Integer> quota) {
    public static final int[] TWNM_LEVELS = {385, 279, 336};

    public BenchmarkPlan {
        quota = Map.copyOf(quota);
    }

    /**
     * TWNM's 1,000 items, or the same proportions scaled to {@code total} items (level 3 takes
     * the rounding; at least one item per family).
     */
    public static BenchmarkPlan twnm(int total) {
        Map<Family, Integer> q = new EnumMap<>(Family.class);
        int l1 = (int) Math.round(TWNM_LEVELS[0] * total / 1000.0), l2 = (int) Math.round(TWNM_LEVELS[1] * total / 1000.0);
        int[] perLevel = {l1, l2, total - l1 - l2};
        for (int level = 1; level <= 3; level++) {
            int l = level;
            Family[] fs = java.util.Arrays.stream(Family.values()).filter(f -> f.level() == l).toArray(Family[]::new);
            int n = Math.max(fs.length, perLevel[level - 1]);
            for (int i = 0; i < fs.length; i++) {
                q.put(fs[i], n / fs.length + (i < n % fs.length ? 1 : 0));
            }
        }
        return new BenchmarkPlan(q);
    }

    public int total() {
        return quota.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int level(int level) {
        return quota.entrySet().stream().filter(e -> e.getKey().level() == level).mapToInt(Map.Entry::getValue).sum();
    }
}
