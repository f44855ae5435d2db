package org.notmono.training.monitor;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A run's metrics by step, column-wise (thousands of steps, dozens of metrics). Steps only
 * grow: a record whose step is not past the last one (a run resumed from an earlier
 * checkpoint) first drops every kept step from it on, so no step is ever shown twice.
 */
public final class RunHistory {
    private long[] steps = new long[256];
    private double[] wallTimes = new double[256];
    private String[] stages = new String[256];
    private final Map<String, double[]> columns = new LinkedHashMap<>();
    private final Map<String, Long> columnVersions = new java.util.HashMap<>();
    /** Kept values dropped (grows by more than any column version can, so versions never repeat). */
    private long resets;
    private int size;
    private long version;

    /** A metric's points with a finite value. */
    public record Series(long[] steps, double[] wallTimes, double[] values) {
        public int size() {
            return steps.length;
        }
    }

    /** Appends records in order (see the class comment for steps that go back). */
    public void addAll(List<MetricRecord> records) {
        records.forEach(this::add);
    }

    public void add(MetricRecord r) {
        if (size > 0 && r.step() <= steps[size - 1]) {
            truncateFrom(r.step());
        }
        if (size == steps.length) {
            int capacity = steps.length * 2;
            steps = Arrays.copyOf(steps, capacity);
            wallTimes = Arrays.copyOf(wallTimes, capacity);
            stages = Arrays.copyOf(stages, capacity);
            columns.replaceAll((k, v) -> grown(v, capacity));
        }
        steps[size] = r.step();
        wallTimes[size] = r.wallTime();
        stages[size] = r.stage();
        for (double[] column : columns.values()) {
            column[size] = Double.NaN;
        }
        for (Map.Entry<String, Double> m : r.metrics().entrySet()) {
            columns.computeIfAbsent(m.getKey(), k -> nans(steps.length))[size] = m.getValue();
            columnVersions.merge(m.getKey(), 1L, Long::sum);
        }
        size++;
        version++;
    }

    /** Forgets everything (the file was replaced). */
    public void clear() {
        size = 0;
        version++;
        resets += 1L << 40;
    }

    /** Drops the kept steps at and after {@code step}. */
    private void truncateFrom(long step) {
        int i = Arrays.binarySearch(steps, 0, size, step);
        size = i >= 0 ? i : -i - 1;
        resets += 1L << 40;
    }

    /** Grows with every change, for views that redraw only what changed. */
    public long version() {
        return version;
    }

    public int size() {
        return size;
    }

    public long step(int i) {
        return steps[i];
    }

    public double wallTime(int i) {
        return wallTimes[i];
    }

    public String stage(int i) {
        return stages[i];
    }

    public long lastStep() {
        return size == 0 ? 0 : steps[size - 1];
    }

    /** The metric's value at record {@code i}; NaN when that step did not log it. */
    public double value(String metric, int i) {
        double[] column = columns.get(metric);
        return column == null ? Double.NaN : column[i];
    }

    /** The last finite value of a metric, NaN when none. */
    public double last(String metric) {
        double[] column = columns.get(metric);
        for (int i = size - 1; column != null && i >= 0; i--) {
            if (Double.isFinite(column[i])) {
                return column[i];
            }
        }
        return Double.NaN;
    }

    /** The index of the record at {@code step}, or -1. */
    public int indexOf(long step) {
        int i = Arrays.binarySearch(steps, 0, size, step);
        return i >= 0 ? i : -1;
    }

    /** Grows whenever the metric's kept values change (a value logged, steps dropped); views redraw only what changed. */
    public long version(String metric) {
        return resets + columnVersions.getOrDefault(metric, 0L);
    }

    /** Metric names logged by kept steps, sorted. */
    public Set<String> metrics() {
        Set<String> names = new TreeSet<>();
        columns.forEach((name, column) -> {
            for (int i = 0; i < size; i++) {
                if (!Double.isNaN(column[i])) {
                    names.add(name);
                    return;
                }
            }
        });
        return names;
    }

    /** The steps where the stage differs from the step before (curriculum boundaries). */
    public List<Long> stageBoundaries() {
        java.util.ArrayList<Long> at = new java.util.ArrayList<>();
        for (int i = 1; i < size; i++) {
            if (!stages[i].equals(stages[i - 1])) {
                at.add(steps[i]);
            }
        }
        return at;
    }

    public Series series(String metric) {
        double[] column = columns.get(metric);
        int n = 0;
        for (int i = 0; column != null && i < size; i++) {
            n += Double.isFinite(column[i]) ? 1 : 0;
        }
        long[] s = new long[n];
        double[] w = new double[n];
        double[] v = new double[n];
        for (int i = 0, j = 0; j < n; i++) {
            if (Double.isFinite(column[i])) {
                s[j] = steps[i];
                w[j] = wallTimes[i];
                v[j++] = column[i];
            }
        }
        return new Series(s, w, v);
    }

    private static double[] nans(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    private static double[] grown(double[] a, int capacity) {
        double[] b = Arrays.copyOf(a, capacity);
        Arrays.fill(b, a.length, capacity, Double.NaN);
        return b;
    }
}
