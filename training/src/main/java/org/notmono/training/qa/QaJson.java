package org.notmono.training.qa;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** QA items as JSON lines ({@code notmono.qa/1}). */
public final class QaJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private QaJson() {
    }

    /**
     * The item as one line of JSON, fields in the format's order. Written straight to a
     * generator (no tree of nodes in between), the same bytes {@code MAPPER} writes for the tree.
     */
    public static String line(QaItem q) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator g = MAPPER.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("format", QaItem.FORMAT);
            g.writeStringField("id", q.id());
            g.writeStringField("scene", q.scene());
            g.writeStringField("clip", q.clip());
            g.writeStringField("family", q.family().id());
            g.writeNumberField("level", q.level());
            g.writeStringField("kind", q.kind().id());
            g.writeStringField("phrasing", q.phrasing());
            g.writeStringField("question", q.question());
            g.writeFieldName("options");
            strings(g, q.options());
            g.writeStringField("answer", q.answer());
            g.writeStringField("answerText", q.answerText());
            g.writeStringField("think", q.think());
            g.writeFieldName("facts");
            strings(g, q.facts());
            g.writeStringField("target", q.target());
            g.writeObjectFieldStart("query");
            g.writeFieldName("subjects");
            strings(g, q.query().subjects());
            g.writeObjectFieldStart("params");
            for (Map.Entry<String, String> e : new TreeMap<>(q.query().params()).entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeFieldName("values");
            strings(g, q.query().values());
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A JSON array of strings, or null. */
    private static void strings(JsonGenerator g, List<String> texts) throws IOException {
        if (texts == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (String t : texts) {
            g.writeString(t);
        }
        g.writeEndArray();
    }

    /** Parses one line; a line that is not a {@code notmono.qa/1} item is an {@link IOException} saying why. */
    public static QaItem parse(String line) throws IOException {
        JsonNode o = MAPPER.readTree(line);
        if (!QaItem.FORMAT.equals(o.path("format").asText())) {
            throw new IOException("format is '" + o.path("format").asText() + "', expected '" + QaItem.FORMAT + "'");
        }
        try {
            JsonNode query = o.path("query");
            Map<String, String> params = new LinkedHashMap<>();
            query.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
            return new QaItem(o.path("id").asText(), o.path("scene").asText(), o.path("clip").asText(),
                    Family.of(o.path("family").asText()), QaKind.of(o.path("kind").asText()), o.path("phrasing").asText(),
                    o.path("question").asText(), o.path("options").isArray() ? texts(o.path("options")) : null,
                    o.path("answer").asText(), o.path("answerText").asText(), o.path("think").isTextual() ? o.path("think").asText() : null,
                    texts(o.path("facts")), o.path("target").asText(),
                    new Query(texts(query.path("subjects")), params, texts(query.path("values"))));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
