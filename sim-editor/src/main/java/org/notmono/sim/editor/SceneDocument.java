package org.notmono.sim.editor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.notmono.cli.InputException;
import org.notmono.fx.task.TaskService;
import org.notmono.sim.render.RenderOutput;
import org.notmono.sim.scene.Scene;
import org.notmono.sim.scene.SceneJson;

/**
 * The edited scene as a document: its file, new / open / save, the title with the unsaved
 * marker, and the autosave that keeps unsaved changes in a recovery file until they are saved
 * (and offers them again after a crash).
 */
public final class SceneDocument {
    private final TaskService tasks;
    private final EditHistory history;
    private final RecoveryStore recovery;
    private final Runnable onLoaded;
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<RecoveryStore.Recovered> recoverable = new ReadOnlyObjectWrapper<>();
    private Consumer<Path> onFileUsed = f -> { };

    /** @param onLoaded runs after another scene replaced the edited one (new, open, recover) */
    SceneDocument(TaskService tasks, EditHistory history, RecoveryStore recovery, Runnable onLoaded) {
        this.tasks = tasks;
        this.history = history;
        this.recovery = recovery;
        this.onLoaded = onLoaded;
        history.dirtyProperty().addListener((o, a, b) -> updateTitle());
        history.sceneProperty().addListener((o, a, b) -> autosave());
        file.addListener((o, a, b) -> updateTitle());
        updateTitle();
        lookForRecovery();
    }

    public void newScene() {
        load(SceneEditorViewModel.NEW_SCENE, null);
    }

    /** Opens a scene file in the background; a bad file is reported and the current scene stays. */
    public void open(Path path) {
        tasks.submit("Open " + path.getFileName(), ctx -> SceneJson.read(path), s -> {
            load(s, path);
            onFileUsed.accept(path);
        });
    }

    private void load(Scene s, Path path) {
        recoverable.set(null);
        file.set(path);
        history.reset(s, true);
        onLoaded.run();
        clearRecovery();
    }

    /** Saves to the current file; false when there is none. */
    public boolean save() {
        if (file.get() == null) {
            return false;
        }
        saveAs(file.get());
        return true;
    }

    public void saveAs(Path path) {
        try {
            RenderOutput.writeAtomically(path, SceneJson.write(history.scene()));
        } catch (IOException | RuntimeException e) {
            tasks.reportFailure("Save " + path.getFileName(), "cannot save the scene to " + path + ": " + e.getMessage());
            return;
        }
        file.set(path);
        history.markSaved();
        clearRecovery();
        onFileUsed.accept(path);
    }

    public String suggestedFileName() {
        return file.get() != null ? file.get().getFileName().toString() : "untitled.scene.json";
    }

    /** Called with every file opened or saved (for the recent-files list). */
    public void setOnFileUsed(Consumer<Path> listener) {
        this.onFileUsed = listener;
    }

    /** Folder that relative clip paths are resolved against. */
    public Path folder() {
        return file.get() != null ? file.get().toAbsolutePath().getParent() : Path.of("").toAbsolutePath();
    }

    private void updateTitle() {
        String name = file.get() == null ? "untitled" : file.get().getFileName().toString();
        title.set(history.dirtyProperty().get() ? name + " *" : name);
    }

    private void lookForRecovery() {
        try {
            recovery.read().ifPresent(recoverable::set);
        } catch (IOException e) {
            tasks.reportFailure("Recover scene", e.getMessage());
        }
    }

    /** Writes the unsaved scene to the recovery file; nothing while a recovery waits for an answer. */
    private void autosave() {
        if (recoverable.get() != null) {
            return;
        }
        try {
            if (history.dirtyProperty().get()) {
                recovery.write(history.scene(), file.get());
            } else {
                recovery.clear();
            }
        } catch (IOException | InputException e) { // InputException: the output writer's refusals (a read-only folder)
            tasks.reportFailure("Autosave", "cannot write the recovery file " + recovery.file() + ": " + e.getMessage());
        }
    }

    /** Takes the scene a crashed session left behind, as an unsaved change. */
    public void recover() {
        RecoveryStore.Recovered r = recoverable.get();
        if (r == null) {
            return;
        }
        recoverable.set(null);
        file.set(r.file());
        history.reset(r.scene(), false);
        onLoaded.run();
        autosave();
    }

    public void discardRecovery() {
        recoverable.set(null);
        autosave();
    }

    private void clearRecovery() {
        try {
            recovery.clear();
        } catch (IOException | InputException e) { // InputException: the output writer's refusals (a read-only folder)
            tasks.reportFailure("Autosave", "cannot remove the recovery file " + recovery.file() + ": " + e.getMessage());
        }
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** "name.scene.json *" while unsaved. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** A scene left by a crashed session, until recovered or discarded. */
    public ReadOnlyObjectProperty<RecoveryStore.Recovered> recoverableProperty() {
        return recoverable.getReadOnlyProperty();
    }
}
