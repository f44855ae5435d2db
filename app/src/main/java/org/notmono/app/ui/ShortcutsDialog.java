package org.notmono.app.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.layout.GridPane;
import javafx.scene.control.Label;
import javafx.stage.Window;

import org.notmono.fx.KeyBinding;

/** Help > Keyboard shortcuts: every {@link KeyBinding} with its keys as this platform shows them. */
final class ShortcutsDialog {
    private ShortcutsDialog() {
    }

    static Alert create(Window owner) {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(4);
        grid.setId("shortcuts-table");
        int row = 0;
        for (KeyBinding b : KeyBinding.values()) {
            grid.addRow(row++, new Label(b.action()), new Label(b.combination().getDisplayText()));
        }
        Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Keyboard shortcuts");
        alert.getDialogPane().setContent(grid);
        return alert;
    }
}
