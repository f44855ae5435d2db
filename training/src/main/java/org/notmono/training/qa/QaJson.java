package org.notmono.training.qa;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** QA items as JSON lines ({@code notmono.qa/1}). */
public final class QaJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private QaJson() {
    }

    public static String line(QaItem q) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", QaItem.FORMAT);
        o.put("id", q.id());
        o.put("scene", q.scene());
        o.put("clip", q.clip());
        o.put("family", q.family().id());
        o.put("level", q.level());
        o.put("kind", q.kind().id());
        o.put("phrasing", q.phrasing());
        o.put("question", q.question());
        if (q.options() == null) {
            o.putNull("options");
        } else {
            ArrayNode a = o.putArray("options");
            q.options().forEach(a::add);
        }
        o.put("answer", q.answer());
        o.put("answerText", q.answerText());
        o.put("think", q.think());
        ArrayNode facts = o.putArray("facts");
        q.facts().forEach(facts::add);
        o.put("target", q.target());
        ObjectNode query = o.putObject("query");
        ArrayNode subjects = query.putArray("subjects");
        q.query().subjects().forEach(subjects::add);
        ObjectNode params = query.putObject("params");
        q.query().params().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> params.put(e.getKey(), e.getValue()));
        ArrayNode values = query.putArray("values");
        q.query().values().forEach(values::add);
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
