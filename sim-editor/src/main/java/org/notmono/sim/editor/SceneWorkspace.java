package org.notmono.sim.editor;

import java.nio.file.Path;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableBooleanValue;

import org.notmono.fx.document.DocumentEditor;
import org.notmono.fx.task.TaskService;
import org.notmono.sim.sources.ClipLibrary;

/**
 * The Scene workspace as the app shell sees it: the editor's view models and view, and the
 * document operations the File and Edit menus call.
 */
public final class SceneWorkspace implements DocumentEditor {
    private final SceneEditorViewModel editor;
    private final SceneRenderViewModel render;
    private final SceneEditorView view;

    /** @param recoveryFile where unsaved changes are autosaved */
    public SceneWorkspace(TaskService tasks, ClipLibrary library, Path recoveryFile) {
        this.editor = new SceneEditorViewModel(tasks, library, new RecoveryStore(recoveryFile));
        this.render = new SceneRenderViewModel(editor);
        this.view = new SceneEditorView(editor, render, new ClipLibraryViewModel(library), new ClipPreviewPlayer(tasks, library));
    }

    public SceneEditorView view() {
        return view;
    }

    public SceneEditorViewModel editor() {
        return editor;
    }

    public SceneRenderViewModel render() {
        return render;
    }

    @Override
    public void newDocument() {
        editor.document().newScene();
    }

    @Override
    public void open(Path file) {
        editor.document().open(file);
    }

    @Override
    public boolean save() {
        return editor.document().save();
    }

    @Override
    public void saveAs(Path file) {
        editor.document().saveAs(file);
    }

    /** The user chose to drop the unsaved changes (on quit, new or open): they are not offered for recovery again. */
    public void discardUnsaved() {
        editor.document().discardUnsaved();
    }

    @Override
    public String suggestedFileName() {
        return editor.document().suggestedFileName();
    }

    @Override
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return editor.document().fileProperty();
    }

    @Override
    public void undo() {
        editor.undo();
    }

    @Override
    public void redo() {
        editor.redo();
    }

    @Override
    public ReadOnlyBooleanProperty undoableProperty() {
        return editor.history().undoableProperty();
    }

    @Override
    public ReadOnlyBooleanProperty redoableProperty() {
        return editor.history().redoableProperty();
    }

    @Override
    public ReadOnlyStringProperty undoLabelProperty() {
        return editor.history().undoLabelProperty();
    }

    @Override
    public ReadOnlyStringProperty redoLabelProperty() {
        return editor.history().redoLabelProperty();
    }

    @Override
    public ReadOnlyBooleanProperty dirtyProperty() {
        return editor.history().dirtyProperty();
    }

    @Override
    public void copy() {
        editor.copySelection();
    }

    @Override
    public void paste() {
        editor.paste();
    }

    @Override
    public void delete() {
        editor.deleteSelection();
    }

    @Override
    public ObservableBooleanValue canCopyProperty() {
        return editor.sourceSelectedProperty();
    }

    @Override
    public ObservableBooleanValue canPasteProperty() {
        return Bindings.isNotNull(editor.clipboardProperty());
    }

    @Override
    public List<ExportTarget> exportTargets() {
        return SceneRenderViewModel.EXPORTS;
    }

    @Override
    public boolean canExport(String targetId) {
        return render.canExport(targetId);
    }

    @Override
    public void export(String targetId, Path file) {
        render.export(targetId, file);
    }
}
