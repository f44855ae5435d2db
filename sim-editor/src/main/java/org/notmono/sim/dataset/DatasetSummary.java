package org.notmono.sim.dataset;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Counts and summary statistics over the RTSDs of a dataset, for its manifest. */
final class DatasetSummary {
    private long items;
    private long sources;
    private final Map<String, Long> roomCategories = new TreeMap<>();
    private final Map<String, Long> reverb = new TreeMap<>();
    private final Map<String, Long> sourcesPerScene = new TreeMap<>();
    private final Map<String, Long> families = new TreeMap<>();
    private final Map<String, Long> classes = new TreeMap<>();
    private final Stats rt60Eyring = new Stats();
    private final Stats rt60Measured = new Stats();
    private final Stats distance = new Stats();

    void add(JsonNode rtsd) {
        items++;
        JsonNode room = rtsd.get("room");
        count(roomCategories, room.get("category").asText());
        count(reverb, room.get("reverb").asText());
        rt60Eyring.add(room.get("rt60").get("eyring").asDouble());
        JsonNode measured = room.get("rt60").get("measured");
        if (measured != null && measured.isNumber()) {
            rt60Measured.add(measured.asDouble());
        }
        JsonNode srcs = rtsd.get("sources");
        count(sourcesPerScene, Integer.toString(srcs.size()));
        for (JsonNode s : srcs) {
            sources++;
            count(families, s.get("family").isNull() ? "unknown" : s.get("family").asText());
            count(classes, s.get("class").isNull() ? "unknown" : s.get("class").asText());
            distance.add(s.get("distance").asDouble());
        }
    }

    long items() {
        return items;
    }

    ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode o = mapper.createObjectNode();
        o.put("items", items);
        o.put("sources", sources);
        o.set("roomCategories", mapper.valueToTree(roomCategories));
        o.set("reverb", mapper.valueToTree(reverb));
        o.set("sourcesPerScene", mapper.valueToTree(sourcesPerScene));
        o.set("families", mapper.valueToTree(families));
        o.set("classes", mapper.valueToTree(classes));
        o.set("rt60Eyring", rt60Eyring.toJson(mapper));
        o.set("rt60Measured", rt60Measured.toJson(mapper));
        o.set("distance", distance.toJson(mapper));
        return o;
    }

    private static void count(Map<String, Long> m, String key) {
        m.merge(key, 1L, Long::sum);
    }

    /** min, mean, max of a quantity. */
    private static final class Stats {
        private double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, sum;
        private long n;

        void add(double v) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
            n++;
        }

        ObjectNode toJson(ObjectMapper mapper) {
            ObjectNode o = mapper.createObjectNode();
            o.put("count", n);
            if (n > 0) {
                o.put("min", min);
                o.put("mean", Math.round(sum / n * 1e4) / 1e4); // summary statistics, not data: 4 decimals
                o.put("max", max);
            }
            return o;
        }
    }
}
