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
        // two column pairs, so the list fits a 768-pixel screen
        KeyBinding[] all = KeyBinding.values();
        int rows = (all.length + 1) / 2;
        for (int i = 0; i < all.length; i++) {
            grid.add(new Label(all[i].action()), i / rows * 2, i % rows);
            grid.add(new Label(all[i].combination().getDisplayText()), i / rows * 2 + 1, i % rows);
        }
        Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Keyboard shortcuts");
        alert.getDialogPane().setContent(grid);
        return alert;
    }
}
