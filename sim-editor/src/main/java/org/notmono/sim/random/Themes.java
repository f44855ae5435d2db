package org.notmono.sim.random;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The themes of {@code assets/themes.json} ({@code notmono.themes/1}), in file order. */
public final class Themes {
    public static final String FORMAT = "notmono.themes/1";
    private static final String RESOURCE = "/assets/themes.json";

    private final List<Theme> themes;
    /** Each id's first theme. */
    private final Map<String, Theme> byId = new HashMap<>();

    public Themes(List<Theme> themes) {
        this.themes = List.copyOf(themes);
        this.themes.forEach(t -> byId.putIfAbsent(t.id(), t));
    }

    /** The themes shipped in the assets module. */
    public static Themes fromAssets() throws IOException {
        try (InputStream in = Themes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is not on the classpath (is the assets module there?)");
            }
            return read(in, "assets/themes.json");
        }
    }

    /** Reads a themes file; a malformed one is an {@link IOException} naming {@code name} and the field. */
    public static Themes read(InputStream in, String name) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IOException(name + ": format is '" + root.path("format").asText() + "', expected '" + FORMAT + "'");
        }
        List<Theme> list = new ArrayList<>();
        int i = 0;
        for (JsonNode t : root.path("themes")) {
            String where = name + ": /themes/" + i++;
            List<Theme.Activity> activities = new ArrayList<>();
            for (JsonNode a : t.path("activities")) {
                List<String> cues = new ArrayList<>();
                a.path("cues").forEach(c -> cues.add(c.asText()));
                activities.add(new Theme.Activity(a.path("text").asText(), cues));
            }
            Theme theme = new Theme(text(t, "id", where), text(t, "name", where), weights(t, "classes", where),
                    weights(t, "rooms", where), weights(t, "reverb", where), activities);
            for (Theme.Activity a : activities) {
                if (!theme.classes().keySet().containsAll(a.cues())) {
                    throw new IOException(where + ": activity '" + a.text() + "' has a cue that is not one of the theme's classes");
                }
            }
            list.add(theme);
        }
        if (list.isEmpty()) {
            throw new IOException(name + ": no themes");
        }
        return new Themes(list);
    }

    private static String text(JsonNode o, String field, String where) throws IOException {
        if (!o.path(field).isTextual() || o.path(field).asText().isBlank()) {
            throw new IOException(where + "/" + field + ": missing");
        }
        return o.path(field).asText();
    }

    private static Map<String, Double> weights(JsonNode o, String field, String where) throws IOException {
        JsonNode w = o.path(field);
        if (!w.isObject() || w.isEmpty()) {
            throw new IOException(where + "/" + field + ": missing");
        }
        Map<String, Double> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : w.properties()) {
            if (!e.getValue().isNumber() || e.getValue().asDouble() < 0) {
                throw new IOException(where + "/" + field + "/" + e.getKey() + ": must be a number >= 0");
            }
            map.put(e.getKey(), e.getValue().asDouble());
        }
        return Collections.unmodifiableMap(map);
    }

    public List<Theme> all() {
        return themes;
    }

    public Optional<Theme> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }
}
