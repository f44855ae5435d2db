package org.notmono.fx.document;

import java.nio.file.Path;
import java.util.List;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * What the app shell's File and Edit menus act on: a workspace that edits one document with an
 * undo history. The shell binds the menu items' enablement to these properties.
 */
public interface DocumentEditor {

    /** A format the document can be exported to. @param folder true when the target is a folder */
    record ExportTarget(String id, String title, String extension, boolean folder) {
    }

    void newDocument();

    /** Opens a file in the background; failures are reported to the task service. */
    void open(Path file);

    /** Saves to the document's file; false when it has none yet (ask for one and call {@link #saveAs}). */
    boolean save();

    void saveAs(Path file);

    /** The name to suggest in a save dialog. */
    String suggestedFileName();

    /** The document's file, null while it has none. */
    ReadOnlyObjectProperty<Path> fileProperty();

    void undo();

    void redo();

    ReadOnlyBooleanProperty undoableProperty();

    ReadOnlyBooleanProperty redoableProperty();

    /** What undo would take back ("Move s1"); empty when nothing. */
    ReadOnlyStringProperty undoLabelProperty();

    ReadOnlyStringProperty redoLabelProperty();

    /** True while the document has changes that are not saved. */
    ReadOnlyBooleanProperty dirtyProperty();

    void copy();

    void paste();

    void delete();

    /** True when something is selected that copy and delete act on. */
    ObservableBooleanValue canCopyProperty();

    ObservableBooleanValue canPasteProperty();

    List<ExportTarget> exportTargets();

    /** True when {@code target} can be exported now. */
    boolean canExport(String targetId);

    /** Exports in the background. */
    void export(String targetId, Path file);
}
