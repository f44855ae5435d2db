package org.notmono.training.monitor.ui;

import java.nio.file.Path;
import java.util.Optional;

import javafx.stage.Window;

/**
 * The questions the Training workspace asks the user: folders, files to open and to save to, and yes/no.
 * The app answers with the system's dialogs; tests answer with a script.
 */
public interface TrainingDialogs {
    Optional<Path> chooseFolder(Window owner, String title);

    Optional<Path> chooseFileToOpen(Window owner, String title);

    Optional<Path> chooseFileToSave(Window owner, String title, String suggestedName);

    boolean confirm(Window owner, String question);

    /** Shows a folder in the desktop's file manager. */
    void openFolder(Path folder);
}
