package org.notmono.training.monitor;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * One line of {@code metrics.jsonl}: the stage, the global step, the epoch, the wall time in
 * seconds since 1970 and the metrics (a null value, a non-finite number, is NaN here).
 */
public record MetricRecord(String stage, long step, int epoch, double wallTime, Map<String, Double> metrics) {

    public MetricRecord {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /**
     * Parses one line (UTF-8 bytes) with Jackson's streaming parser, which reads a long file
     * several times faster than building a tree per line. Null when the line is not one JSON
     * object with an integral {@code globalStep} and a {@code metrics} object; unknown fields
     * are skipped.
     */
    static MetricRecord parse(JsonFactory factory, byte[] data, int offset, int length) throws IOException {
        try (JsonParser p = factory.createParser(data, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String stage = "";
            Long step = null;
            int epoch = 0;
            double wall = Double.NaN;
            Map<String, Double> metrics = null;
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "stage" -> stage = v == JsonToken.VALUE_STRING ? p.getText() : stage;
                    case "globalStep" -> step = v == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : null;
                    case "epoch" -> epoch = v == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : 0;
                    case "wallTime" -> wall = v.isNumeric() ? p.getDoubleValue() : Double.NaN;
                    case "metrics" -> metrics = v == JsonToken.START_OBJECT ? metrics(p) : null;
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null || step == null || metrics == null) {
                return null;
            }
            return new MetricRecord(stage, step, epoch, wall, metrics);
        }
    }

    private static Map<String, Double> metrics(JsonParser p) throws IOException {
        Map<String, Double> m = new LinkedHashMap<>();
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            m.put(key, v.isNumeric() ? p.getDoubleValue() : Double.NaN);
            p.skipChildren();
        }
        return m;
    }
}
