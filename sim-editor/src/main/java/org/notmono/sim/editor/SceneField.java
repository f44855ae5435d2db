package org.notmono.sim.editor;

import java.util.List;
import java.util.function.Function;

import org.notmono.sim.scene.Scene;

/**
 * One typed field of the property sheet: how to show a scene value as text and how to apply
 * typed text back as an edit.
 *
 * @param id       stable id, e.g. {@code room.length}; the view names its editor after it
 * @param choices  the allowed values for a choice field; empty for a typed field
 * @param unit     shown after the field ("m", "dB", ...); empty for none
 */
public record SceneField(String id, String category, String name, String unit, String description, List<String> choices,
                         Function<Scene, String> read, Applier applier) {

    /** Turns typed text into the edited scene, or throws {@link FieldException} with what is wrong. */
    @FunctionalInterface
    public interface Applier {
        Outcome apply(Scene scene, String text);
    }

    /**
     * @param note a remark on an accepted value (clamped, close to a wall), else null
     */
    public record Outcome(Scene scene, String note) {
        public static Outcome of(Scene scene) {
            return new Outcome(scene, null);
        }
    }

    /** Bad input for a field: the message is shown next to it. */
    public static final class FieldException extends RuntimeException {
        public FieldException(String message) {
            super(message);
        }
    }

    public boolean isChoice() {
        return !choices.isEmpty();
    }

    public String value(Scene scene) {
        return read.apply(scene);
    }
}
