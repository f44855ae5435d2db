package org.notmono.sim.scene;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.notmono.sim.room.Point3;

/**
 * A JSON object read field by field, remembering its path: a missing or mistyped field is a
 * {@link SceneException} naming it, and {@link #finish()} rejects fields nobody asked for.
 */
final class StrictObject {
    private final JsonNode node;
    private final String path;
    private final Set<String> read = new HashSet<>();

    StrictObject(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new SceneException(path, "expected an object");
        }
        this.node = node;
        this.path = path;
    }

    String path(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    JsonNode get(String field) {
        read.add(field);
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new SceneException(path(field), "missing (required)");
        }
        return v;
    }

    double number(String field) {
        JsonNode v = get(field);
        if (!v.isNumber()) {
            throw new SceneException(path(field), "expected a number, got " + shown(v));
        }
        return finite(path(field), v.asDouble());
    }

    double number(String field, double fallback) {
        read.add(field);
        return has(field) ? number(field) : fallback;
    }

    /** A value as an error message quotes it: at most 60 characters of its JSON. */
    static String shown(JsonNode v) {
        String text = v.toString();
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /** JSON has no infinity, but 1e999 reads as one: refuse it like any other number out of range. */
    private static double finite(String path, double v) {
        if (!Double.isFinite(v)) {
            throw new SceneException(path, "expected a finite number, got " + v);
        }
        return v;
    }

    int integer(String field) {
        JsonNode v = get(field);
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new SceneException(path(field), "expected an integer, got " + shown(v));
        }
        return v.asInt();
    }

    int integer(String field, int fallback) {
        read.add(field);
        return has(field) ? integer(field) : fallback;
    }

    String text(String field) {
        JsonNode v = get(field);
        if (!v.isTextual()) {
            throw new SceneException(path(field), "expected a string, got " + shown(v));
        }
        return v.asText();
    }

    String text(String field, String fallback) {
        read.add(field);
        return has(field) ? text(field) : fallback;
    }

    StrictObject object(String field) {
        return new StrictObject(get(field), path(field));
    }

    /** Three numbers [x, y, z]. */
    Point3 point(String field) {
        JsonNode v = get(field);
        String p = path(field);
        if (!v.isArray() || v.size() != 3) {
            throw new SceneException(p, "expected [x, y, z] in metres, got " + shown(v));
        }
        double[] xyz = new double[3];
        for (int i = 0; i < 3; i++) {
            if (!v.get(i).isNumber()) {
                throw new SceneException(p + "[" + i + "]", "expected a number, got " + shown(v.get(i)));
            }
            xyz[i] = finite(p + "[" + i + "]", v.get(i).asDouble());
        }
        return new Point3(xyz[0], xyz[1], xyz[2]);
    }

    /** An array field whose elements are read by {@code element} (index, node) into a list. */
    <T> List<T> array(String field, Function<Indexed, T> element) {
        JsonNode v = get(field);
        if (!v.isArray()) {
            throw new SceneException(path(field), "expected an array, got " + v.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(element.apply(new Indexed(v.get(i), path(field) + "[" + i + "]")));
        }
        return out;
    }

    /** One array element with its path. */
    record Indexed(JsonNode node, String path) {
        StrictObject object() {
            return new StrictObject(node, path);
        }
    }

    /** Declares fields that may be absent or null, so {@link #finish()} accepts them. */
    void optional(String... fields) {
        read.addAll(List.of(fields));
    }

    /** Rejects any field that was not read. */
    void finish() {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!read.contains(f)) {
                throw new SceneException(path(f), "unknown field");
            }
        }
    }
}
