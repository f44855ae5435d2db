package org.notmono.app.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import org.notmono.training.monitor.ui.TrainingDialogs;
import org.notmono.training.monitor.ui.TrainingView;

/** Builds the Training workspace in the shell: its dialogs are the app's, and it watches its runs folder every second. */
final class TrainingWorkspaces {
    private static final Logger LOG = Logger.getLogger(TrainingWorkspaces.class.getName());
    /** Where the runs folder is read (one daemon thread; a slow disk never holds the FX thread). */
    static final Executor POLLER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "notmono-runs-refresh");
        t.setDaemon(true);
        return t;
    });

    private TrainingWorkspaces() {
    }

    static TrainingView create(MainViewModel model, FileDialogs dialogs) {
        TrainingView view = new TrainingView(model.training(), dialogs(dialogs));
        model.training().startPolling(1000);
        return view;
    }

    static TrainingDialogs dialogs(FileDialogs files) {
        return new TrainingDialogs() {
            @Override
            public Optional<Path> chooseFolder(Window owner, String title) {
                return files.chooseFolder(owner, title);
            }

            @Override
            public Optional<Path> chooseFileToOpen(Window owner, String title) {
                return files.chooseToOpen(owner, title).stream().findFirst();
            }

            @Override
            public Optional<Path> chooseFileToSave(Window owner, String title, String suggestedName) {
                return files.chooseToSave(owner, title, suggestedName);
            }

            @Override
            public boolean confirm(Window owner, String question) {
                Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.CANCEL, ButtonType.YES);
                alert.initOwner(owner);
                alert.setHeaderText(null);
                return alert.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
            }

            @Override
            public void openFolder(Path folder) {
                String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
                String opener = os.contains("mac") ? "open" : os.contains("win") ? "explorer" : "xdg-open";
                try {
                    new ProcessBuilder(List.of(opener, folder.toString())).redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "cannot open " + folder + " with " + opener, e);
                }
            }
        };
    }
}
