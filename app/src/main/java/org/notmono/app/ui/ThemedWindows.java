package org.notmono.app.ui;

import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Gives the main stage and every stage it owns (dialogs, alerts) the current theme's
 * stylesheets, now and whenever the theme changes, so that a dark app has no light dialogs.
 */
final class ThemedWindows {
    private final Stage main;
    private final ObservableValue<Theme> theme;

    private ThemedWindows(Stage main, ObservableValue<Theme> theme) {
        this.main = main;
        this.theme = theme;
    }

    static void follow(Stage main, ObservableValue<Theme> theme) {
        ThemedWindows themed = new ThemedWindows(main, theme);
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(themed::style);
            }
        });
        Window.getWindows().forEach(themed::style);
        theme.addListener((o, a, b) -> Window.getWindows().forEach(themed::style));
    }

    private void style(Window window) {
        if (window instanceof Stage stage && ownedByMain(stage)) { // popups take their styles from their owner's scene
            apply(window.getScene());
            window.sceneProperty().addListener((o, a, b) -> apply(b));
        }
    }

    private boolean ownedByMain(Stage stage) {
        for (Window w = stage; w != null; w = w instanceof Stage s ? s.getOwner() : null) {
            if (w == main) {
                return true;
            }
        }
        return false;
    }

    private void apply(Scene scene) {
        if (scene != null) {
            scene.getStylesheets().setAll(theme.getValue().stylesheets());
        }
    }
}
