package org.notmono.sim.sources;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;

/** Field access for the asset JSON files, with errors that name the entry. */
final class Json {

    private Json() {
    }

    static String requiredText(JsonNode node, String field, String where) throws IOException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IOException(where + ": '" + field + "' is missing or not a string");
        }
        return v.asText();
    }

    static String optionalText(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static double requiredNumber(JsonNode node, String field, String where) throws IOException {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber()) {
            throw new IOException(where + ": '" + field + "' is missing or not a number");
        }
        return v.asDouble();
    }
}
