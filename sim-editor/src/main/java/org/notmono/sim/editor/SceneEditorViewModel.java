package org.notmono.sim.editor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.notmono.fx.task.TaskService;
import org.notmono.sim.random.RandomSceneGenerator;
import org.notmono.sim.room.Absorption;
import org.notmono.sim.room.Orientation;
import org.notmono.sim.room.Point3;
import org.notmono.sim.room.Shoebox;
import org.notmono.sim.room.TailModel;
import org.notmono.sim.scene.Scene;
import org.notmono.sim.scene.SceneJson;
import org.notmono.sim.sources.ClipInfo;
import org.notmono.sim.sources.ClipLibrary;

/**
 * The scene editor's state: the scene with its undo history and its {@link SceneDocument}, the selection,
 * the property sheet's fields with their messages, drags in the plan views, the source
 * clipboard, presets and random scenes. Every change goes through the history, so it can be
 * undone; a whole drag is one step.
 */
public final class SceneEditorViewModel {
    /** The default new scene: the DESIGN.md example room with the receiver near its middle. */
    public static final Scene NEW_SCENE = new Scene(16000, 4.0,
            new Scene.Room(new Shoebox(6, 5, 3), Absorption.uniform(0.2), null, SceneJson.DEFAULT_MAX_ORDER, TailModel.NONE),
            new Scene.Receiver(new Point3(3, 2.5, 1.7), Orientation.FRONT), List.of(), null);
    private static final double NEW_SOURCE_DISTANCE = 1.5;
    private static final double PASTE_OFFSET = 0.5;
    public static final double GRID_STEP = 0.25;

    private final TaskService tasks;
    private final ClipLibrary library;
    private final EditHistory history = new EditHistory(NEW_SCENE);
    private final SceneDocument document;
    /** The scene on screen: the history's state, or a drag's preview. */
    private final ReadOnlyObjectWrapper<Scene> scene = new ReadOnlyObjectWrapper<>(NEW_SCENE);
    private final StringBinding roomPresetLabel =
            Bindings.createStringBinding(() -> RoomPreset.describe(scene.get().room().size()), scene);
    private final StringBinding reverbPresetLabel =
            Bindings.createStringBinding(() -> ReverbPreset.describe(scene.get().room()), scene);
    private final ReadOnlyObjectWrapper<SceneReadouts> readouts = new ReadOnlyObjectWrapper<>(SceneReadouts.of(NEW_SCENE));
    private final ObjectProperty<Selection> selection = new SimpleObjectProperty<>(Selection.ROOM);
    private final ObservableList<SceneField> fields = FXCollections.observableArrayList();
    private final Map<String, StringProperty> fieldMessages = new HashMap<>();
    private final ReadOnlyStringWrapper placementMessage = new ReadOnlyStringWrapper("");
    private final SimpleBooleanProperty placementRefused = new SimpleBooleanProperty();
    private final BooleanProperty snapToGrid = new SimpleBooleanProperty(false);
    private final StringProperty randomSeed = new SimpleStringProperty("1");
    private final ObjectProperty<Scene.Source> clipboard = new SimpleObjectProperty<>();
    private final BooleanBinding sourceSelected = Bindings.createBooleanBinding(() -> selection.get().isSource(), selection);
    /** The user asked for per-wall absorption fields (the scene cannot tell while all walls are equal). */
    private boolean wallsWanted;
    private Scene dragStart;
    private Selection dragTarget;
    /** The selection the current fields were made for: their appliers edit that item and no other. */
    private Selection fieldsSelection;

    public SceneEditorViewModel(TaskService tasks, ClipLibrary library, RecoveryStore recovery) {
        this.tasks = tasks;
        this.library = library;
        history.sceneProperty().addListener((o, a, b) -> show(b));
        selection.addListener((o, a, b) -> refreshFields());
        this.document = new SceneDocument(tasks, history, recovery, () -> selection.set(Selection.ROOM));
        refreshFields();
    }

    /** The file, saving, autosave and recovery of the edited scene. */
    public SceneDocument document() {
        return document;
    }

    // ---- edits

    /** Records an edit of the committed scene; a refused move's message goes once another edit succeeds. */
    void edit(String label, Scene after) {
        history.record(label, after);
        if (placementRefused.get()) {
            placement("", false);
        }
    }

    private void show(Scene s) {
        scene.set(s);
        readouts.set(SceneReadouts.of(s));
        Selection sel = selection.get();
        if (sel.isSource() && s.sources().stream().noneMatch(src -> src.id().equals(sel.sourceId()))) {
            selection.set(Selection.ROOM);
        }
        refreshFields();
    }

    public void undo() {
        history.undo();
    }

    public void redo() {
        history.redo();
    }

    /**
     * The property sheet's fields for the selection. The list is replaced when the selection or
     * the set of fields changes (the fields of s1 and s3 have the same ids but edit different
     * sources), and left alone on edits of the same item so that the editors keep their focus.
     */
    private void refreshFields() {
        Selection sel = selection.get();
        List<SceneField> now = SceneFields.forSelection(scene.get(), sel, wallsWanted);
        if (!sel.equals(fieldsSelection)
                || !now.stream().map(SceneField::id).toList().equals(fields.stream().map(SceneField::id).toList())) {
            fieldsSelection = sel;
            fieldMessages.values().forEach(m -> m.set(""));
            fields.setAll(now);
        }
    }

    /**
     * Applies typed text to a field: an accepted value becomes an undoable edit (its note, if
     * any, stays next to the field); a bad one leaves the scene alone and shows why. Text equal to
     * what the field shows changes nothing: no undo step, no stale render (the shown value is
     * rounded, so applying it again could move an item by a fraction of a millimetre).
     *
     * @return true when the value was accepted
     */
    public boolean apply(SceneField field, String text) {
        StringProperty message = messageFor(field.id());
        if (text.trim().equals(field.value(history.scene()))) {
            message.set("");
            return true;
        }
        if (field.id().equals(SceneFields.ABSORPTION_MODE)) {
            wallsWanted = SceneFields.PER_WALL.equals(text);
            refreshFields();
        }
        try {
            SceneField.Outcome outcome = field.applier().apply(history.scene(), text);
            message.set(outcome.note() == null ? "" : outcome.note());
            edit(field.name() + " of " + describe(selection.get()), outcome.scene());
            return true;
        } catch (SceneField.FieldException | IllegalArgumentException e) {
            message.set(e.getMessage());
            return false;
        }
    }

    /** The message shown next to a field; empty when all is well. */
    public StringProperty messageFor(String fieldId) {
        return fieldMessages.computeIfAbsent(fieldId, k -> new SimpleStringProperty(""));
    }

    public void applyRoomPreset(RoomPreset preset) {
        Scene s = history.scene();
        try {
            edit(preset.title() + " room", SceneEdits.withRoomSize(s, preset.size()));
            placement("", false);
        } catch (IllegalArgumentException e) {
            placement("Cannot apply the " + preset.title() + " room: " + e.getMessage(), true);
        }
    }

    public void applyReverbPreset(ReverbPreset preset) {
        edit(preset.title() + " reverberation", SceneEdits.withAbsorption(history.scene(), Absorption.uniform(preset.absorption())));
    }

    /** What the room-size preset box shows: the preset the room is, or "Custom" with its size. */
    public StringBinding roomPresetLabel() {
        return roomPresetLabel;
    }

    /** What the reverberation preset box shows: the preset the walls have, or "Custom" with the mean absorption. */
    public StringBinding reverbPresetLabel() {
        return reverbPresetLabel;
    }

    /** Replaces the scene with the random scene of the seed in {@link #randomSeedProperty()} (index 0). */
    public void randomScene() {
        long seed;
        try {
            seed = Long.parseLong(randomSeed.get().trim());
        } catch (NumberFormatException e) {
            placement("The seed '" + randomSeed.get().trim() + "' is not a whole number", true);
            return;
        }
        Scene s = new RandomSceneGenerator(library, history.scene().duration()).generate(seed, 0);
        edit("Random scene (seed " + seed + ")", s);
        selection.set(Selection.ROOM);
        placement("", false);
    }

    /** Adds a source playing {@code clip}, 1.5 m from the receiver in a direction not yet taken. */
    public void addSource(ClipInfo clip) {
        Scene s = history.scene();
        String id = SceneEdits.freeId(s);
        Point3 rcv = s.receiver().position();
        Scene added = null;
        for (int k = 0; k < 8 && added == null; k++) {
            double az = Math.toRadians(s.receiver().orientation().yaw() + 45 * (s.sources().size() + k));
            Point3 wanted = new Point3(rcv.x() + NEW_SOURCE_DISTANCE * Math.cos(az), rcv.y() + NEW_SOURCE_DISTANCE * Math.sin(az), rcv.z());
            Scene candidate = SceneEdits.addSource(s, new Scene.Source(id, clip.ref(), clip.classId(), 0, 0, rcv, null));
            PlacementRules.Placement p = PlacementRules.moveSource(candidate, id, wanted);
            added = p.refused() ? null : p.scene();
        }
        if (added == null) {
            placement("No room for another source 0.1 m from the walls and the receiver", true);
            return;
        }
        edit("Add " + id, added);
        selection.set(Selection.source(id));
    }

    /** Gives the selected source another clip (and its class). */
    public void useClipForSelection(ClipInfo clip) {
        Selection sel = selection.get();
        if (!sel.isSource()) {
            return;
        }
        Scene s = history.scene();
        edit("Clip of " + sel.sourceId(), SceneEdits.replaceSource(s,
                SceneEdits.withClip(SceneEdits.source(s, sel.sourceId()), clip.ref(), clip.classId())));
    }

    public void deleteSelection() {
        Selection sel = selection.get();
        if (sel.isSource()) {
            edit("Delete " + sel.sourceId(), SceneEdits.removeSource(history.scene(), sel.sourceId()));
            selection.set(Selection.ROOM);
        }
    }

    public void copySelection() {
        Selection sel = selection.get();
        if (sel.isSource()) {
            clipboard.set(SceneEdits.source(history.scene(), sel.sourceId()));
        }
    }

    /** Adds a copy of the copied source with a new id, 0.5 m further along x (or back when there is no room). */
    public void paste() {
        Scene.Source copied = clipboard.get();
        if (copied == null) {
            return;
        }
        Scene s = history.scene();
        String id = SceneEdits.freeId(s);
        Scene withCopy = SceneEdits.addSource(s, SceneEdits.withId(copied, id));
        Point3 at = copied.pathPoints().getFirst();
        for (double dx : new double[] {PASTE_OFFSET, -PASTE_OFFSET}) {
            PlacementRules.Placement p = PlacementRules.moveSource(withCopy, id, new Point3(at.x() + dx, at.y(), at.z()));
            if (!p.refused()) {
                edit("Paste " + id, p.scene());
                selection.set(Selection.source(id));
                return;
            }
        }
        placement("Cannot paste " + copied.id() + ": no room beside it", true);
    }

    // ---- dragging in the plan views

    /** Starts dragging the receiver or a source; the drag's moves are one undo step. */
    public void beginDrag(Selection target) {
        if (target.kind() == Selection.Kind.ROOM) {
            return;
        }
        selection.set(target);
        dragTarget = target;
        dragStart = history.scene();
    }

    public boolean isDragging() {
        return dragTarget != null;
    }

    /**
     * Moves the dragged item towards {@code wanted} (snapped when asked): clamped to the room, or
     * left where it is with the reason shown when the place is not allowed.
     */
    public void dragTo(Point3 wanted) {
        if (dragTarget == null) {
            return;
        }
        Point3 p = snapToGrid.get() ? snap(wanted) : wanted;
        Scene current = scene.get();
        PlacementRules.Placement placed = dragTarget.isSource()
                ? PlacementRules.moveSource(current, dragTarget.sourceId(), p)
                : PlacementRules.moveReceiver(current, p);
        placement(placed.message(), placed.refused());
        if (!placed.refused()) {
            scene.set(placed.scene());
            readouts.set(SceneReadouts.of(placed.scene()));
        }
    }

    public void endDrag() {
        if (dragTarget == null) {
            return;
        }
        Scene end = scene.get();
        String label = "Move " + describe(dragTarget);
        dragTarget = null;
        dragStart = null;
        history.record(label, end); // not edit(): a refusal during the drag stays readable after the release
        show(history.scene());
    }

    private Point3 snap(Point3 p) {
        double g = GRID_STEP;
        return new Point3(Math.round(p.x() / g) * g, Math.round(p.y() / g) * g, Math.round(p.z() / g) * g);
    }

    private void placement(String message, boolean refused) {
        placementMessage.set(message);
        placementRefused.set(refused);
    }

    private static String describe(Selection s) {
        return switch (s.kind()) {
            case ROOM -> "room";
            case RECEIVER -> "receiver";
            case SOURCE -> s.sourceId();
        };
    }

    // ---- properties

    public ReadOnlyObjectProperty<Scene> sceneProperty() {
        return scene.getReadOnlyProperty();
    }

    public Scene scene() {
        return scene.get();
    }

    public ReadOnlyObjectProperty<SceneReadouts> readoutsProperty() {
        return readouts.getReadOnlyProperty();
    }

    public ObjectProperty<Selection> selectionProperty() {
        return selection;
    }

    public ObservableList<SceneField> fields() {
        return fields;
    }

    public ReadOnlyStringProperty placementMessageProperty() {
        return placementMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty placementRefusedProperty() {
        return placementRefused;
    }

    public BooleanProperty snapToGridProperty() {
        return snapToGrid;
    }

    public StringProperty randomSeedProperty() {
        return randomSeed;
    }

    public EditHistory history() {
        return history;
    }

    public BooleanBinding sourceSelectedProperty() {
        return sourceSelected;
    }

    public ObjectProperty<Scene.Source> clipboardProperty() {
        return clipboard;
    }

    public ClipLibrary library() {
        return library;
    }

    public TaskService tasks() {
        return tasks;
    }

}
