package org.notmono.app.ui;

import java.util.stream.Collectors;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import org.notmono.fx.task.TaskHandle;
import org.notmono.fx.task.TaskService;

/** Asks before quitting while background tasks run; quitting cancels them. */
final class QuitGuard {
    static final ButtonType QUIT = new ButtonType("Cancel tasks and quit", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType STAY = new ButtonType("Keep working", ButtonBar.ButtonData.CANCEL_CLOSE);

    private QuitGuard() {
    }

    /** True when the app may quit now (nothing runs, or the user agreed to cancel). */
    static boolean confirm(Window owner, TaskService tasks) {
        if (tasks.running().isEmpty()) {
            return true;
        }
        String names = tasks.running().stream().map(TaskHandle::title).collect(Collectors.joining("\n  "));
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                "These tasks are still running:\n  " + names + "\n\nQuitting cancels them.", QUIT, STAY);
        alert.initOwner(owner);
        alert.setTitle("Quit NotMono?");
        alert.setHeaderText(tasks.running().size() == 1 ? "A task is running" : tasks.running().size() + " tasks are running");
        alert.getDialogPane().setId("quit-guard");
        boolean quit = alert.showAndWait().orElse(STAY) == QUIT;
        if (quit) {
            tasks.cancelAll();
        }
        return quit;
    }
}
