package org.notmono.app.fuzz;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The results of a fuzz run, and the table of outcomes per command that {@code bench fuzz} prints. */
public record FuzzReport(long seed, List<FuzzResult> results) {

    public FuzzReport {
        results = List.copyOf(results);
    }

    /** The runs that broke the contract. */
    public List<FuzzResult> failures() {
        return results.stream().filter(r -> !r.ok()).toList();
    }

    /** Count of each outcome per command, commands in alphabetical order. */
    public Map<String, Map<FuzzResult.Outcome, Integer>> byTarget() {
        Map<String, Map<FuzzResult.Outcome, Integer>> table = new TreeMap<>();
        for (FuzzResult r : results) {
            table.computeIfAbsent(r.fuzzCase().target(), k -> new EnumMap<>(FuzzResult.Outcome.class))
                    .merge(r.outcome(), 1, Integer::sum);
        }
        return table;
    }

    /** A Markdown table: one row per command, one column per outcome, and a total row. */
    public String table() {
        StringBuilder b = new StringBuilder("| command | cases |");
        StringBuilder rule = new StringBuilder("|---|---:|");
        for (FuzzResult.Outcome o : FuzzResult.Outcome.values()) {
            b.append(' ').append(o.label()).append(" |");
            rule.append("---:|");
        }
        b.append('\n').append(rule).append('\n');
        Map<FuzzResult.Outcome, Integer> total = new EnumMap<>(FuzzResult.Outcome.class);
        for (Map.Entry<String, Map<FuzzResult.Outcome, Integer>> row : byTarget().entrySet()) {
            int cases = row.getValue().values().stream().mapToInt(Integer::intValue).sum();
            b.append("| ").append(row.getKey()).append(" | ").append(cases).append(" |");
            for (FuzzResult.Outcome o : FuzzResult.Outcome.values()) {
                int n = row.getValue().getOrDefault(o, 0);
                total.merge(o, n, Integer::sum);
                b.append(' ').append(n).append(" |");
            }
            b.append('\n');
        }
        b.append("| all | ").append(results.size()).append(" |");
        for (FuzzResult.Outcome o : FuzzResult.Outcome.values()) {
            b.append(' ').append(total.getOrDefault(o, 0)).append(" |");
        }
        return b.append('\n').toString();
    }

    /** The {@code n} slowest runs, slowest first. */
    public List<FuzzResult> slowest(int n) {
        return results.stream().sorted(java.util.Comparator.comparingLong(FuzzResult::millis).reversed()).limit(n).toList();
    }

    /** The slowest case's time and the median, milliseconds. */
    public String timing() {
        long[] ms = results.stream().mapToLong(FuzzResult::millis).sorted().toArray();
        if (ms.length == 0) {
            return "no cases";
        }
        return String.format(Locale.ROOT, "median %d ms, slowest %d ms, total %.1f s", ms[ms.length / 2], ms[ms.length - 1],
                java.util.Arrays.stream(ms).sum() / 1000.0);
    }
}
