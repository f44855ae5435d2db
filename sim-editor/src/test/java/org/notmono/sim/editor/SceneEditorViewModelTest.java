package org.notmono.sim.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.fx.task.TaskService;
import org.notmono.sim.room.Point3;
import org.notmono.sim.scene.Scene;
import org.notmono.sim.scene.SceneJson;
import org.notmono.sim.sources.ClipInfo;
import org.notmono.sim.sources.TestSignalLibrary;

/** The editor's view model without a window: tasks run on the calling thread. */
class SceneEditorViewModelTest {
    @TempDir
    Path dir;

    private final TaskService tasks = new TaskService(Runnable::run, Runnable::run);
    private final TestSignalLibrary library = new TestSignalLibrary();

    private SceneEditorViewModel editor() {
        return new SceneEditorViewModel(tasks, library, new RecoveryStore(dir.resolve("recovery.json")));
    }

    private ClipInfo clip(int i) {
        return library.clips().get(i);
    }

    private static SceneField field(SceneEditorViewModel vm, String id) {
        return vm.fields().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everyEditIsUndoableAndTheUnsavedMarkerFollowsTheUndoBalance() {
        SceneEditorViewModel vm = editor();
        assertEquals("untitled", vm.document().titleProperty().get());
        vm.addSource(clip(0));
        vm.addSource(clip(5));
        assertEquals(2, vm.scene().sources().size());
        assertEquals("untitled *", vm.document().titleProperty().get());
        assertEquals("Add s2", vm.history().undoLabelProperty().get());
        vm.undo();
        assertEquals(1, vm.scene().sources().size());
        vm.undo();
        assertEquals(SceneEditorViewModel.NEW_SCENE, vm.scene());
        assertFalse(vm.history().dirtyProperty().get(), "undoing every edit returns to the saved state");
        vm.redo();
        vm.redo();
        assertEquals(2, vm.scene().sources().size());
        assertFalse(vm.history().redoableProperty().get());
    }

    @Test
    void aWholeDragIsOneUndoStep() {
        SceneEditorViewModel vm = editor();
        vm.addSource(clip(0));
        Point3 start = vm.scene().sources().getFirst().position();
        vm.beginDrag(Selection.source("s1"));
        vm.dragTo(new Point3(1.0, 1.0, 1.5));
        vm.dragTo(new Point3(1.2, 1.1, 1.5));
        vm.dragTo(new Point3(1.5, 1.2, 1.5));
        vm.endDrag();
        assertEquals(new Point3(1.5, 1.2, 1.5), vm.scene().sources().getFirst().position());
        assertEquals("Move s1", vm.history().undoLabelProperty().get());
        vm.undo();
        assertEquals(start, vm.scene().sources().getFirst().position());
        assertEquals("Add s1", vm.history().undoLabelProperty().get());
    }

    @Test
    void aDragIsClampedToTheRoomAndRefusedTooCloseToTheReceiverWithAReason() {
        SceneEditorViewModel vm = editor();
        vm.addSource(clip(0));
        vm.beginDrag(Selection.source("s1"));
        vm.dragTo(new Point3(9, 2, 1.5));
        assertEquals(5.9, vm.scene().sources().getFirst().position().x(), 1e-5);
        assertTrue(vm.placementMessageProperty().get().contains("east wall"), vm.placementMessageProperty().get());
        assertFalse(vm.placementRefusedProperty().get());
        Point3 before = vm.scene().sources().getFirst().position();
        vm.dragTo(new Point3(3.05, 2.5, 1.7));
        assertTrue(vm.placementRefusedProperty().get());
        assertTrue(vm.placementMessageProperty().get().contains("from the receiver (minimum 0.1 m)"), vm.placementMessageProperty().get());
        assertEquals(before, vm.scene().sources().getFirst().position(), "a refused move leaves the source where it was");
        vm.dragTo(new Point3(3.3, 2.5, 1.7));
        assertTrue(vm.placementMessageProperty().get().contains("from the receiver (random scenes keep 0.5 m)"));
        vm.dragTo(new Point3(3.05, 2.5, 1.7));
        vm.endDrag();
        assertTrue(vm.placementRefusedProperty().get(), "the reason stays after the release");
        vm.selectionProperty().set(Selection.ROOM);
        assertTrue(vm.apply(field(vm, "room.height"), "2.9"));
        assertEquals("", vm.placementMessageProperty().get(), "the next edit that succeeds clears it");
        assertFalse(vm.placementRefusedProperty().get());
    }

    @Test
    void snappingRoundsToTheGrid() {
        SceneEditorViewModel vm = editor();
        vm.addSource(clip(0));
        vm.snapToGridProperty().set(true);
        vm.beginDrag(Selection.source("s1"));
        vm.dragTo(new Point3(1.13, 3.38, 1.49));
        vm.endDrag();
        assertEquals(new Point3(1.25, 3.5, 1.5), vm.scene().sources().getFirst().position());
    }

    @Test
    void invalidValuesShowAMessageAndLeaveTheSceneAlone() {
        SceneEditorViewModel vm = editor();
        Scene before = vm.scene();
        assertFalse(vm.apply(field(vm, "room.length"), "abc"));
        assertEquals("'abc' is not a number of m", vm.messageFor("room.length").get());
        assertFalse(vm.apply(field(vm, "room.length"), "-2"));
        assertEquals("must be at least 0.5 m", vm.messageFor("room.length").get());
        assertEquals(before, vm.scene());
        assertFalse(vm.history().undoableProperty().get());
        assertTrue(vm.apply(field(vm, "room.length"), "12 m"));
        assertEquals("", vm.messageFor("room.length").get());
        assertEquals(12, vm.scene().room().size().lx());
        assertEquals(6, vm.scene().receiver().position().x(), 1e-12, "the layout stretches with the room");
        vm.selectionProperty().set(Selection.RECEIVER);
        assertFalse(vm.apply(field(vm, "receiver.yaw"), "400"));
        assertEquals("must be at most 360 deg", vm.messageFor("receiver.yaw").get());
    }

    @Test
    void absorptionCanBeOneValuePerWallOrATargetRt60() {
        SceneEditorViewModel vm = editor();
        assertTrue(vm.apply(field(vm, "room.absorptionMode"), SceneFields.PER_WALL));
        assertTrue(vm.apply(field(vm, "room.absorption.floor"), "0.6"));
        assertEquals(0.6, vm.scene().room().absorption().floor());
        assertEquals(0.2, vm.scene().room().absorption().ceiling());
        assertTrue(vm.apply(field(vm, "room.absorptionMode"), SceneFields.TARGET_RT60));
        assertFalse(vm.apply(field(vm, "room.rt60"), "0.01"));
        assertTrue(vm.messageFor("room.rt60").get().contains("not reachable"), vm.messageFor("room.rt60").get());
        assertTrue(vm.apply(field(vm, "room.rt60"), "0.8"));
        assertEquals(0.8, vm.readoutsProperty().get().rt60Sabine(), 1e-9, "inverse Sabine gives back the target");
    }

    @Test
    void readoutsUseTheSimulatorsFormulas() {
        SceneEditorViewModel vm = editor();
        vm.addSource(clip(0));
        vm.beginDrag(Selection.source("s1"));
        vm.dragTo(new Point3(3, 4.5, 1.7));
        vm.endDrag();
        SceneReadouts r = vm.readoutsProperty().get();
        assertEquals(90, r.volume(), 1e-9);
        assertEquals(126, r.surface(), 1e-9);
        assertEquals(0.2, r.meanAbsorption(), 1e-12);
        assertEquals(24 * Math.log(10) * 90 / (343 * 0.2 * 126), r.rt60Sabine(), 1e-9);
        assertEquals(90.0, r.sources().getFirst().azimuth(), 1e-9, "a source on +y is 90 deg to the left");
        assertEquals(2.0, r.sources().getFirst().distance(), 1e-9);
        vm.selectionProperty().set(Selection.RECEIVER);
        assertTrue(vm.apply(field(vm, "receiver.yaw"), "90"));
        assertEquals(0.0, vm.readoutsProperty().get().sources().getFirst().azimuth(), 1e-9, "turning the receiver left puts it in front");
    }

    @Test
    void copyPasteAndDeleteAreUndoable() {
        SceneEditorViewModel vm = editor();
        vm.addSource(clip(1));
        vm.copySelection();
        vm.paste();
        assertEquals(2, vm.scene().sources().size());
        Scene.Source copy = vm.scene().sources().get(1);
        assertEquals("s2", copy.id());
        assertEquals(clip(1).ref(), copy.clip());
        assertEquals(vm.scene().sources().get(0).position().x() + 0.5, copy.position().x(), 1e-12);
        assertEquals(Selection.source("s2"), vm.selectionProperty().get());
        vm.deleteSelection();
        assertEquals(1, vm.scene().sources().size());
        assertEquals(Selection.ROOM, vm.selectionProperty().get());
        vm.undo();
        assertEquals(2, vm.scene().sources().size());
    }

    @Test
    void presetsAndRandomScenesAreOneStepEachAndReproducible() {
        SceneEditorViewModel vm = editor();
        vm.applyRoomPreset(RoomPreset.LARGE);
        assertEquals("large", vm.readoutsProperty().get().category());
        vm.applyReverbPreset(ReverbPreset.WET);
        assertEquals("wet", vm.readoutsProperty().get().reverb());
        vm.randomSeedProperty().set("42");
        vm.randomScene();
        Scene first = vm.scene();
        assertFalse(first.sources().isEmpty());
        vm.undo();
        assertEquals("wet", vm.readoutsProperty().get().reverb());
        vm.randomScene();
        assertEquals(first, vm.scene(), "the same seed gives the same scene");
        vm.randomSeedProperty().set("x1");
        vm.randomScene();
        assertTrue(vm.placementRefusedProperty().get());
        assertEquals(first, vm.scene());
    }

    @Test
    void presetBoxesSayWhatTheRoomIsAndCustomWhenNoPresetMatches() {
        SceneEditorViewModel vm = editor();
        vm.applyRoomPreset(RoomPreset.MEDIUM);
        vm.applyReverbPreset(ReverbPreset.MODERATE);
        assertEquals("Medium 7.5 x 7.5 x 3.5 m", vm.roomPresetLabel().get());
        assertEquals("Moderate, absorption 0.275", vm.reverbPresetLabel().get());
        vm.randomSeedProperty().set("42");
        vm.randomScene();
        Scene random = vm.scene();
        var size = random.room().size();
        assertEquals(String.format(java.util.Locale.ROOT, "Custom %s x %s x %s m", trim(size.lx()), trim(size.ly()), trim(size.lz())),
                vm.roomPresetLabel().get(), "a random room is no preset");
        assertTrue(vm.reverbPresetLabel().get().startsWith("Custom, "), vm.reverbPresetLabel().get());
        vm.undo();
        assertEquals("Medium 7.5 x 7.5 x 3.5 m", vm.roomPresetLabel().get(), "undo brings the preset back");
    }

    private static String trim(double metres) {
        return String.format(java.util.Locale.ROOT, "%.2f", metres).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    @Test
    void saveAndReopenFindTheSameScene() throws Exception {
        SceneEditorViewModel vm = editor();
        vm.addSource(clip(0));
        vm.addSource(clip(6));
        assertFalse(vm.document().save(), "an untitled scene asks for a file");
        Path file = dir.resolve("room.scene.json");
        vm.document().saveAs(file);
        assertEquals("room.scene.json", vm.document().titleProperty().get());
        assertEquals(vm.scene(), SceneJson.read(file));
        Scene saved = vm.scene();
        vm.document().newScene();
        assertEquals(SceneEditorViewModel.NEW_SCENE, vm.scene());
        vm.document().open(file);
        assertEquals(saved, vm.scene());
        assertEquals(file, vm.document().fileProperty().get());
        assertFalse(vm.history().undoableProperty().get());
    }

    @Test
    void aBadFileIsReportedAndTheSceneStays() throws Exception {
        SceneEditorViewModel vm = editor();
        vm.addSource(clip(0));
        Scene before = vm.scene();
        Path bad = dir.resolve("bad.scene.json");
        Files.writeString(bad, "{\"format\": \"notmono.scene/1\"}");
        vm.document().open(bad);
        assertEquals(before, vm.scene());
        assertEquals(1, tasks.failures().size());
        assertTrue(tasks.failures().getFirst().message().contains("bad.scene.json"), tasks.failures().getFirst().message());
    }

    @Test
    void aCrashedSessionIsRecoveredFromTheAutosave() throws Exception {
        SceneEditorViewModel crashed = editor();
        Path file = dir.resolve("work.scene.json");
        crashed.document().saveAs(file);
        crashed.addSource(clip(2));
        crashed.addSource(clip(3));
        Scene unsaved = crashed.scene();
        assertTrue(Files.exists(dir.resolve("recovery.json")), "every edit is autosaved");
        // the process dies here: nothing is saved or closed

        SceneEditorViewModel next = editor();
        assertNotNull(next.document().recoverableProperty().get());
        next.document().recover();
        assertEquals(unsaved, next.scene());
        assertEquals(file.toAbsolutePath(), next.document().fileProperty().get());
        assertTrue(next.history().dirtyProperty().get(), "a recovered scene is unsaved");
        next.document().save();
        assertFalse(Files.exists(dir.resolve("recovery.json")), "saving removes the recovery file");
        assertNull(editor().document().recoverableProperty().get());
    }

    @Test
    void aSourceNeverMovesWithinTenCentimetresOfTheReceiverByTyping() {
        SceneEditorViewModel vm = editor();
        vm.addSource(clip(0));
        Scene before = vm.scene();
        assertFalse(vm.apply(field(vm, "source.x"), "3.05"), "s1 is at y = 2.5 + 1.5 sin 0");
        assertNotEquals("", vm.messageFor("source.x").get());
        assertEquals(before, vm.scene());
    }

    @Test
    void theFieldsEditTheSelectedSourceAndNoOther() {
        SceneEditorViewModel vm = editor();
        vm.addSource(clip(0));
        vm.addSource(clip(1));
        vm.addSource(clip(2));
        vm.selectionProperty().set(Selection.source("s1"));
        vm.selectionProperty().set(Selection.source("s3"));
        Point3 s1 = SceneEdits.source(vm.scene(), "s1").position();
        Point3 s3 = SceneEdits.source(vm.scene(), "s3").position();
        assertEquals(FieldParsing.format(s3.x()), field(vm, "source.x").value(vm.scene()), "the X field shows s3");
        assertTrue(vm.apply(field(vm, "source.x"), FieldParsing.format(s3.x() - 0.3)));
        assertEquals(s3.x() - 0.3, SceneEdits.source(vm.scene(), "s3").position().x(), 1e-9);
        assertEquals(s1, SceneEdits.source(vm.scene(), "s1").position(), "s1 stays where it was");
        assertEquals("X of s3", vm.history().undoLabelProperty().get());
    }

    @Test
    void applyingTheShownValueAgainIsNoEdit() {
        SceneEditorViewModel vm = editor();
        vm.addSource(clip(0));
        vm.beginDrag(Selection.source("s1"));
        vm.dragTo(new Point3(1.23456, 3.3, 1.5));
        vm.endDrag();
        vm.document().saveAs(dir.resolve("a.scene.json"));
        Scene before = vm.scene();
        SceneField x = field(vm, "source.x");
        assertEquals("1.235", x.value(before), "the field shows the position rounded");
        assertTrue(vm.apply(x, x.value(before)));
        assertEquals(before, vm.scene(), "Enter on the shown value does not move the source by the rounding");
        assertFalse(vm.history().dirtyProperty().get());
        assertEquals("Move s1", vm.history().undoLabelProperty().get());
    }

    @Test
    void discardedChangesAreNotOfferedForRecoveryButACrashedSessionsSceneIsKept() throws Exception {
        SceneEditorViewModel vm = editor();
        vm.addSource(clip(0));
        assertTrue(Files.exists(dir.resolve("recovery.json")));
        vm.document().discardUnsaved();
        assertFalse(Files.exists(dir.resolve("recovery.json")), "the user chose to drop the changes");

        vm.addSource(clip(1));
        SceneEditorViewModel next = editor();
        assertNotNull(next.document().recoverableProperty().get());
        next.addSource(clip(2));
        next.document().discardUnsaved();
        assertTrue(Files.exists(dir.resolve("recovery.json")), "the crashed scene still waits for an answer");
    }
}
