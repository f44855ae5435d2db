package org.notmono.sim.scene;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Slot predictions as JSON in the shape of DESIGN.md:
 * {@code {"slots": [{"azimuth", "elevation", "distance", "class", "classScores"?, "existence"}], "count": n,
 * "frames"?: [{"t", "slots"}]}}.
 */
public final class SlotJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SlotJson() {
    }

    public static ObjectNode toJson(SlotPrediction p) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("slots", slots(p.slots()));
        root.put("count", p.count());
        if (!p.frames().isEmpty()) {
            ArrayNode frames = root.putArray("frames");
            for (SlotPrediction.SlotFrame f : p.frames()) {
                ObjectNode frame = frames.addObject();
                frame.put("t", round(f.t(), 3));
                frame.set("slots", slots(f.slots()));
            }
        }
        return root;
    }

    /** Compact one-line JSON. */
    public static String line(SlotPrediction p) {
        return toJson(p).toString();
    }

    public static String pretty(SlotPrediction p) {
        return toJson(p).toPrettyString();
    }

    private static ArrayNode slots(List<Slot> slots) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Slot s : slots) {
            ObjectNode o = array.addObject();
            o.put("azimuth", round(s.azimuth(), 2));
            o.put("elevation", round(s.elevation(), 2));
            if (s.distance() == null) {
                o.putNull("distance");
            } else {
                o.put("distance", round(s.distance(), 3));
            }
            if (s.classId() == null) {
                o.putNull("class");
            } else {
                o.put("class", s.classId());
            }
            if (s.classScores() != null) {
                ObjectNode scores = o.putObject("classScores");
                s.classScores().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(e -> scores.put(e.getKey(), round(e.getValue(), 4)));
            }
            o.put("existence", round(s.existence(), 4));
        }
        return array;
    }

    private static double round(double v, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(v * scale) / scale;
    }

    /** Parses the DESIGN.md shape; a missing or malformed field gives an error naming its JSON path. */
    public static SlotPrediction parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("slot predictions: not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        List<Slot> slots = parseSlots(root.path("slots"), "$.slots");
        JsonNode count = root.path("count");
        if (!count.canConvertToInt()) {
            throw new IllegalArgumentException("$.count: expected an integer");
        }
        List<SlotPrediction.SlotFrame> frames = new ArrayList<>();
        JsonNode frameArray = root.path("frames");
        for (int i = 0; i < frameArray.size(); i++) {
            JsonNode f = frameArray.get(i);
            String path = "$.frames[" + i + "]";
            frames.add(new SlotPrediction.SlotFrame(number(f, "t", path), parseSlots(f.path("slots"), path + ".slots")));
        }
        return new SlotPrediction(slots, count.asInt(), frames);
    }

    private static List<Slot> parseSlots(JsonNode array, String path) {
        if (!array.isArray()) {
            throw new IllegalArgumentException(path + ": expected an array of slots");
        }
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode s = array.get(i);
            String at = path + "[" + i + "]";
            JsonNode d = s.path("distance");
            JsonNode c = s.path("class");
            Map<String, Double> scores = null;
            if (s.hasNonNull("classScores")) {
                scores = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> e : s.get("classScores").properties()) {
                    scores.put(e.getKey(), e.getValue().asDouble());
                }
            }
            double azimuth = number(s, "azimuth", at);
            double elevation = number(s, "elevation", at);
            double existence = number(s, "existence", at);
            try {
                slots.add(new Slot(azimuth, elevation, d.isNumber() ? d.asDouble() : null,
                        c.isTextual() ? c.asText() : null, scores, existence));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
            }
        }
        return slots;
    }

    private static double number(JsonNode node, String field, String path) {
        JsonNode v = node.path(field);
        if (!v.isNumber()) {
            throw new IllegalArgumentException(path + "." + field + ": expected a number");
        }
        return v.asDouble();
    }
}
