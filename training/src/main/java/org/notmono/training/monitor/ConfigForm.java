package org.notmono.training.monitor;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A stage's config being edited: a preset's JSON with the form's fields written over it.
 * Checks every field (number, whole number, range) and then the stage's own rules.
 */
public final class ConfigForm {
    private final StageSpec stage;
    private final JsonNode base;

    /**
     * @param preset a preset name or a config file
     * @throws RuntimeException (an {@code InputException} or {@code UncheckedIOException}) when the file is not such a config
     */
    public ConfigForm(StageSpec stage, String preset) {
        this.stage = stage;
        this.base = stage.preset().apply(preset);
    }

    /**
     * Whether the texts differ from the preset's values, so Launch must write them to a config
     * file rather than name the preset.
     */
    public boolean edited(Map<String, String> texts) {
        for (ConfigField f : stage.fields()) {
            String t = texts.getOrDefault(f.pointer(), "").trim();
            String initial = initialText(f);
            if (!t.equals(initial) && !sameNumber(t, initial)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameNumber(String a, String b) {
        try {
            return Double.parseDouble(a) == Double.parseDouble(b);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The preset's value of a field, as the form shows it first. */
    public String initialText(ConfigField field) {
        JsonNode v = base.at(field.pointer());
        return v.isMissingNode() ? "" : v.asText();
    }

    /**
     * What is wrong: field pointer to message for field errors, or the key {@code ""} for the
     * stage's cross-field rules once every field is fine. Empty when the config is valid.
     */
    public Map<String, String> errors(Map<String, String> texts) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConfigField f : stage.fields()) {
            String e = f.check(texts.get(f.pointer()));
            if (e != null) {
                errors.put(f.pointer(), e);
            }
        }
        if (errors.isEmpty()) {
            String e = stage.validate(toJson(texts));
            if (e != null) {
                errors.put("", e);
            }
        }
        return errors;
    }

    /** The config with the field values (call when {@link #errors} is empty). */
    public JsonNode toJson(Map<String, String> texts) {
        ObjectNode json = base.deepCopy();
        for (ConfigField f : stage.fields()) {
            JsonPointer p = JsonPointer.compile(f.pointer());
            ObjectNode parent = (ObjectNode) json.at(p.head());
            String t = texts.getOrDefault(f.pointer(), "").trim();
            if (f.integer()) {
                parent.put(p.last().getMatchingProperty(), Long.parseLong(t));
            } else {
                parent.put(p.last().getMatchingProperty(), Double.parseDouble(t));
            }
        }
        return json;
    }
}
