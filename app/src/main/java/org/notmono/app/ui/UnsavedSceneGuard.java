package org.notmono.app.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Asks what to do with unsaved scene changes before they would be lost: save, discard or cancel, as every editor does. */
final class UnsavedSceneGuard {
    /** The user's answer. */
    enum Choice { SAVE, DISCARD, CANCEL }

    static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    static final ButtonType DISCARD = new ButtonType("Discard", ButtonBar.ButtonData.NO);
    static final ButtonType CANCEL = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);

    private UnsavedSceneGuard() {
    }

    /** @param dirty whether there are unsaved changes; when not, the answer is {@link Choice#DISCARD} without asking */
    static Choice ask(Window owner, String name, boolean dirty) {
        if (!dirty) {
            return Choice.DISCARD;
        }
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                "Save the changes to " + name + "? Without saving they are lost.", SAVE, DISCARD, CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Unsaved scene");
        alert.setHeaderText("The scene has unsaved changes");
        alert.getDialogPane().setId("unsaved-guard");
        ButtonType answer = alert.showAndWait().orElse(CANCEL);
        return answer == SAVE ? Choice.SAVE : answer == DISCARD ? Choice.DISCARD : Choice.CANCEL;
    }
}
