package org.notmono.training.monitor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** Run configs side by side: one row per setting (a JSON path), with whether the runs differ on it. */
public final class ConfigDiff {
    private ConfigDiff() {
    }

    /** @param values one per run, "" where a run lacks the setting */
    public record Row(String key, List<String> values, boolean differs) {
    }

    public static List<Row> rows(List<JsonNode> configs) {
        List<Map<String, String>> flat = configs.stream().map(ConfigDiff::flatten).toList();
        Set<String> keys = new LinkedHashSet<>();
        flat.forEach(m -> keys.addAll(m.keySet()));
        List<Row> rows = new ArrayList<>();
        for (String key : keys) {
            List<String> values = flat.stream().map(m -> m.getOrDefault(key, "")).toList();
            rows.add(new Row(key, values, values.stream().distinct().count() > 1));
        }
        return rows;
    }

    /** {@code stage1.training.batchSize -> 8}; arrays as their JSON text. */
    static Map<String, String> flatten(JsonNode json) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", json, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else if (node != null) {
            out.put(prefix, node.isValueNode() ? node.asText() : node.toString());
        }
    }
}
