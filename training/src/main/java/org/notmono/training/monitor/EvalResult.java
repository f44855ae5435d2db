package org.notmono.training.monitor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An evaluation's JSON ({@code notmono eval encoder --json}: {@code {"encoder": M, "dsp": M,
 * "clips": n, "groups": ...}}) as a table: one row per metric, one column per scored system (the
 * per-group breakdown under {@code groups} is not shown here).
 */
public record EvalResult(List<String> systems, List<Row> rows, int clips) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** @param values one per system, NaN where it has no value */
    public record Row(String metric, List<Double> values) {
    }

    public static EvalResult parse(String json) throws java.io.IOException {
        JsonNode root = MAPPER.readTree(json);
        if (root == null || !root.isObject()) {
            throw new java.io.IOException("not an evaluation result: " + json.strip().lines().findFirst().orElse(""));
        }
        List<String> systems = new ArrayList<>();
        Set<String> metrics = new LinkedHashSet<>();
        root.properties().forEach(e -> {
            // a system's metrics are numbers (null where it has none); "groups" holds the per-group breakdown
            if (e.getValue().isObject() && !e.getKey().equals("groups")) {
                systems.add(e.getKey());
                e.getValue().fieldNames().forEachRemaining(metrics::add);
            }
        });
        List<Row> rows = new ArrayList<>();
        for (String m : metrics) {
            rows.add(new Row(m, systems.stream().map(s -> root.get(s).path(m))
                    .map(v -> v.isNumber() ? v.asDouble() : Double.NaN).toList()));
        }
        return new EvalResult(systems, rows, root.path("clips").asInt(0));
    }
}
