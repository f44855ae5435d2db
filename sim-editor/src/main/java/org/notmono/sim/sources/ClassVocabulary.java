package org.notmono.sim.sources;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The class vocabulary ({@code assets/classes.json}, format {@code notmono.classes/1}): the
 * labels of sources, of the model's class head and of QA, with their STARSS23 mapping.
 */
public final class ClassVocabulary {

    static final String FORMAT = "notmono.classes/1";

    private final Map<String, SourceClass> byId;

    private ClassVocabulary(Map<String, SourceClass> byId) {
        this.byId = byId;
    }

    /** The vocabulary shipped in the assets module. */
    public static ClassVocabulary fromAssets() throws IOException {
        try (InputStream in = AssetResources.open("classes.json")) {
            return read(in, "/assets/classes.json");
        }
    }

    /** Reads a classes file; errors name {@code nameForErrors} and the offending entry. */
    public static ClassVocabulary read(InputStream in, String nameForErrors) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IOException(nameForErrors + ": format is not " + FORMAT);
        }
        Map<String, SourceClass> byId = new LinkedHashMap<>();
        JsonNode classes = root.path("classes");
        for (int i = 0; i < classes.size(); i++) {
            JsonNode c = classes.get(i);
            String where = nameForErrors + ": classes[" + i + "]";
            String id = Json.requiredText(c, "id", where);
            SourceFamily family;
            try {
                family = SourceFamily.fromId(Json.requiredText(c, "family", where));
            } catch (IllegalArgumentException e) {
                throw new IOException(where + ": " + e.getMessage(), e);
            }
            SourceClass sc = new SourceClass(id, Json.requiredText(c, "name", where), family, Json.optionalText(c, "starss23"));
            if (byId.put(id, sc) != null) {
                throw new IOException(where + ": class id '" + id + "' appears twice");
            }
        }
        if (byId.isEmpty()) {
            throw new IOException(nameForErrors + ": no classes");
        }
        return new ClassVocabulary(byId);
    }

    /** All classes in file order. */
    public List<SourceClass> classes() {
        return List.copyOf(byId.values());
    }

    public List<SourceClass> classes(SourceFamily family) {
        return byId.values().stream().filter(c -> c.family() == family).toList();
    }

    public Optional<SourceClass> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** The class with this id; IllegalArgumentException naming it when there is none. */
    public SourceClass get(String id) {
        SourceClass c = byId.get(id);
        if (c == null) {
            throw new IllegalArgumentException("'" + id + "' is not a class of the vocabulary");
        }
        return c;
    }

    /** Classes that map to a STARSS23 label (case-insensitive), e.g. "Bell" gives bell and doorbell. */
    public List<SourceClass> forStarss23(String label) {
        return byId.values().stream().filter(c -> c.starss23() != null && c.starss23().equalsIgnoreCase(label)).toList();
    }

    /** The distinct STARSS23 labels the vocabulary maps to, in first-use order. */
    public List<String> starss23Labels() {
        return byId.values().stream().map(SourceClass::starss23).filter(s -> s != null).distinct().toList();
    }
}
