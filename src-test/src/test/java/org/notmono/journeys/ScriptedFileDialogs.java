package org.notmono.journeys;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.notmono.app.ui.FileDialogs;

/** File choosers that answer, in order, the paths a test queued, as a user would pick them; cancelled when none is left. */
final class ScriptedFileDialogs implements FileDialogs {
    private final Deque<Path> answers = new ArrayDeque<>();

    /** The next chooser, to open or to save, picks {@code file}. */
    void willPick(Path file) {
        answers.add(file);
    }

    @Override
    public List<Path> chooseToOpen(Window owner, String title, FileChooser.ExtensionFilter... filters) {
        return answers.isEmpty() ? List.of() : List.of(answers.pop());
    }

    @Override
    public Optional<Path> chooseFolder(Window owner, String title) {
        return Optional.ofNullable(answers.poll());
    }

    @Override
    public Optional<Path> chooseToSave(Window owner, String title, String suggestedName, FileChooser.ExtensionFilter... filters) {
        return Optional.ofNullable(answers.poll());
    }
}
