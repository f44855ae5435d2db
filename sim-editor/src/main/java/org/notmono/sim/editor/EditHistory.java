package org.notmono.sim.editor;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.notmono.sim.scene.Scene;

/**
 * The undo history of one scene document: a list of scene states, each reached by a named edit.
 * Undo and redo move along the list; a new edit drops what was undone. The document is dirty
 * when the current state is not the one last saved (the undo balance, as in JabRef), so undoing
 * back to the saved state clears the marker.
 */
public final class EditHistory {
    private record Step(String label, Scene scene) {
    }

    private final List<Step> steps = new ArrayList<>();
    private int current;
    /** Index of the saved state; -1 when no state in the list is saved. */
    private int saved;
    private final ReadOnlyObjectWrapper<Scene> scene = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper undoable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper redoable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper("");

    public EditHistory(Scene initial) {
        reset(initial, true);
    }

    /** Starts a new history at {@code initial}; {@code saved} says whether it is on disk as it is. */
    public void reset(Scene initial, boolean isSaved) {
        steps.clear();
        steps.add(new Step("", initial));
        current = 0;
        saved = isSaved ? 0 : -1;
        publish();
    }

    /** Records an edit that leads to {@code after}; an edit that changes nothing is not recorded. */
    public void record(String label, Scene after) {
        if (after.equals(steps.get(current).scene())) {
            return;
        }
        while (steps.size() > current + 1) {
            steps.removeLast();
        }
        if (saved > current) {
            saved = -1;
        }
        steps.add(new Step(label, after));
        current++;
        publish();
    }

    public void undo() {
        if (current > 0) {
            current--;
            publish();
        }
    }

    public void redo() {
        if (current < steps.size() - 1) {
            current++;
            publish();
        }
    }

    public void markSaved() {
        saved = current;
        publish();
    }

    private void publish() {
        scene.set(steps.get(current).scene());
        undoable.set(current > 0);
        redoable.set(current < steps.size() - 1);
        dirty.set(saved != current);
        undoLabel.set(current > 0 ? steps.get(current).label() : "");
        redoLabel.set(current < steps.size() - 1 ? steps.get(current + 1).label() : "");
    }

    /** The current state. */
    public ReadOnlyObjectProperty<Scene> sceneProperty() {
        return scene.getReadOnlyProperty();
    }

    public Scene scene() {
        return scene.get();
    }

    public ReadOnlyBooleanProperty undoableProperty() {
        return undoable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty redoableProperty() {
        return redoable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** What undo would take back, e.g. "Move s1"; empty when nothing. */
    public ReadOnlyStringProperty undoLabelProperty() {
        return undoLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoLabelProperty() {
        return redoLabel.getReadOnlyProperty();
    }
}
