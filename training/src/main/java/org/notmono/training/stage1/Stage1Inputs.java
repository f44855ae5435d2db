package org.notmono.training.stage1;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The data a Stage 1 run reads, kept in its config.json so {@code --resume} finds it again.
 *
 * @param validation null for none
 * @param real       phase II recordings in STARSS23 layout, null in phase I
 * @param init       checkpoint the run started from, null for a fresh encoder
 * @param allowHeldOut train or validate on held-out data (seed >= 100000) all the same
 */
public record Stage1Inputs(List<Path> data, Path validation, Path real, Path init, boolean allowHeldOut) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Inputs that refuse held-out data. */
    public Stage1Inputs(List<Path> data, Path validation, Path real, Path init) {
        this(data, validation, real, init, false);
    }

    public Stage1Inputs {
        data = data.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        validation = absolute(validation);
        real = absolute(real);
        init = absolute(init);
    }

    private static Path absolute(Path p) {
        return p == null ? null : p.toAbsolutePath().normalize();
    }

    public ObjectNode toJson() {
        ObjectNode json = MAPPER.createObjectNode();
        var list = json.putArray("data");
        data.forEach(p -> list.add(p.toString()));
        json.put("val", validation == null ? null : validation.toString());
        json.put("real", real == null ? null : real.toString());
        json.put("init", init == null ? null : init.toString());
        json.put("allowHeldOut", allowHeldOut);
        return json;
    }

    public static Stage1Inputs fromJson(JsonNode json) {
        List<Path> data = new ArrayList<>();
        json.path("data").forEach(p -> data.add(Path.of(p.asText())));
        return new Stage1Inputs(data, path(json, "val"), path(json, "real"), path(json, "init"),
                json.path("allowHeldOut").asBoolean(false));
    }

    private static Path path(JsonNode json, String field) {
        return json.hasNonNull(field) ? Path.of(json.get(field).asText()) : null;
    }
}
