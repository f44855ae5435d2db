package org.notmono.app.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks the user for files. The app uses the system's chooser; tests, which cannot drive a
 * native dialog, give their own answers.
 */
public interface FileDialogs {

    /** Files the user picked to open (empty when cancelled). */
    List<Path> chooseToOpen(Window owner, String title, FileChooser.ExtensionFilter... filters);

    /** A file to save to, or empty when cancelled. */
    Optional<Path> chooseToSave(Window owner, String title, String suggestedName, FileChooser.ExtensionFilter... filters);

    /** A folder the user picked, or empty when cancelled. */
    default Optional<Path> chooseFolder(Window owner, String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
    }

    /** The system's choosers. */
    static FileDialogs system() {
        return new FileDialogs() {
            @Override
            public List<Path> chooseToOpen(Window owner, String title, FileChooser.ExtensionFilter... filters) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.getExtensionFilters().setAll(filters);
                List<File> files = chooser.showOpenMultipleDialog(owner);
                return files == null ? List.of() : files.stream().map(File::toPath).toList();
            }

            @Override
            public Optional<Path> chooseToSave(Window owner, String title, String suggestedName,
                                               FileChooser.ExtensionFilter... filters) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.setInitialFileName(suggestedName);
                chooser.getExtensionFilters().setAll(filters);
                return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
            }
        };
    }
}
