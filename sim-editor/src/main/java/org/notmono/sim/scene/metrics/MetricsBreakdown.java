package org.notmono.sim.scene.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.notmono.sim.scene.SlotPrediction;

/**
 * The shared metrics over all clips and per group: each clip is added with its group in every
 * dimension (for example {@code sources -> "2"}, {@code room_size -> "medium"}), and every
 * (dimension, group) pair gets its own {@link LocalizationMetrics}. A group's means recombine to
 * the overall one weighted by the group's {@link LocalizationMetrics.Support}. Not thread-safe.
 */
public final class MetricsBreakdown {
    /** The number of true sources in the clip ("0", "1", "2", ...). */
    public static final String SOURCES = "sources";
    /** The room's size category ({@code RoomCategory.size}: small, medium, large). */
    public static final String ROOM_SIZE = "room_size";
    /** The room's reverberation category ({@code RoomCategory.reverb}: wet, moderate, dry). */
    public static final String REVERB = "reverb";

    private final LocalizationMetrics overall = new LocalizationMetrics();
    private final Map<String, Map<String, LocalizationMetrics>> groups = new LinkedHashMap<>();

    /**
     * Adds one clip to the overall metrics, to its source-count group and to the groups named in
     * {@code groupOf} (dimension -> group; a null group leaves the clip out of that dimension).
     */
    public void add(SlotPrediction prediction, List<TruthSource> truth, Map<String, String> groupOf) {
        overall.add(prediction, truth);
        metrics(SOURCES, Integer.toString(truth.size())).add(prediction, truth);
        groupOf.forEach((dimension, group) -> {
            if (group != null && !dimension.equals(SOURCES)) {
                metrics(dimension, group).add(prediction, truth);
            }
        });
    }

    private LocalizationMetrics metrics(String dimension, String group) {
        return groups.computeIfAbsent(dimension, d -> new TreeMap<>(MetricsBreakdown::groupOrder))
                .computeIfAbsent(group, g -> new LocalizationMetrics());
    }

    /** Numbers by value, the size and reverberation categories small to large and wet to dry, the rest by name. */
    private static int groupOrder(String a, String b) {
        int ra = rank(a);
        int rb = rank(b);
        return ra != rb ? Integer.compare(ra, rb) : a.compareTo(b);
    }

    private static int rank(String group) {
        if (group.matches("\\d{1,9}")) {
            return Integer.parseInt(group);
        }
        int i = List.of("small", "medium", "large", "wet", "moderate", "dry").indexOf(group);
        return i >= 0 ? 1_000_000_000 + i : Integer.MAX_VALUE;
    }

    public LocalizationMetrics.Summary overall() {
        return overall.summary();
    }

    /** dimension -> group -> summary, dimensions in the order first added, groups in their natural order. */
    public Map<String, Map<String, LocalizationMetrics.Summary>> groups() {
        Map<String, Map<String, LocalizationMetrics.Summary>> out = new LinkedHashMap<>();
        groups.forEach((dimension, byGroup) -> {
            Map<String, LocalizationMetrics.Summary> summaries = new LinkedHashMap<>();
            byGroup.forEach((group, metrics) -> summaries.put(group, metrics.summary()));
            out.put(dimension, summaries);
        });
        return out;
    }

    /**
     * {@code {"all": M, "sources": {"1": M, ...}, "room_size": {...}, ...}} where M is
     * {@link LocalizationMetrics.Summary#asMap} plus {@code clips}, {@code pairs},
     * {@code distance_pairs}, {@code classified_pairs}: the weights of each mean.
     */
    public Map<String, Object> asMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("all", withSupport(overall()));
        groups().forEach((dimension, byGroup) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            byGroup.forEach((group, summary) -> m.put(group, withSupport(summary)));
            out.put(dimension, m);
        });
        return out;
    }

    /** A summary's metrics with its clips and pair counts. */
    public static Map<String, Object> withSupport(LocalizationMetrics.Summary summary) {
        Map<String, Object> m = new LinkedHashMap<>(summary.asMap());
        m.put("clips", summary.clips());
        m.put("pairs", summary.support().pairs());
        m.put("distance_pairs", summary.support().distancePairs());
        m.put("classified_pairs", summary.support().classifiedPairs());
        return m;
    }
}
