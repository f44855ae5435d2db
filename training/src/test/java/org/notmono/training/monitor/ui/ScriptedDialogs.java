package org.notmono.training.monitor.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Optional;

import javafx.stage.Window;

/**
 * Dialogs that answer as a test scripts them instead of waiting for a user: every folder chooser returns {@link #folder},
 * every confirmation returns {@link #confirmAnswer} and is recorded in {@link #questions}; file choosers are cancelled.
 */
final class ScriptedDialogs implements TrainingDialogs {
    /** What folder choosers return; {@code null} cancels them. */
    volatile Path folder;
    /** What confirmations answer. */
    volatile boolean confirmAnswer;
    /** The confirmations asked, in order (asked on the FX thread, read by the test). */
    final List<String> questions = new CopyOnWriteArrayList<>();

    @Override
    public Optional<Path> chooseFolder(Window owner, String title) {
        return Optional.ofNullable(folder);
    }

    @Override
    public Optional<Path> chooseFileToOpen(Window owner, String title) {
        return Optional.empty();
    }

    @Override
    public Optional<Path> chooseFileToSave(Window owner, String title, String suggestedName) {
        return Optional.empty();
    }

    @Override
    public boolean confirm(Window owner, String question) {
        questions.add(question);
        return confirmAnswer;
    }

    @Override
    public void openFolder(Path folder) {
    }
}
