package org.notmono.viewer.ui;

import java.io.File;
import java.util.Locale;

import javafx.animation.AnimationTimer;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.stage.FileChooser;

import org.notmono.viewer.listen.Listening;

/** Play/pause, loop, time, head yaw, decode mode and binaural export. */
final class TransportBar extends HBox {
    private final ViewerViewModel model;

    /** Sizes a button for the longer of its texts once its skin can measure them, so toggling moves nothing beside it. */
    static void keepWidthOfTheLongerText(Button button, String... texts) {
        button.skinProperty().addListener((o, a, skin) -> {
            if (skin == null) {
                return;
            }
            String shown = button.getText();
            double widest = 0;
            for (String t : texts) {
                button.setText(t);
                widest = Math.max(widest, button.prefWidth(-1));
            }
            button.setText(shown);
            button.setMinWidth(widest);
            button.setPrefWidth(widest);
        });
    }

    TransportBar(ViewerViewModel model) {
        this.model = model;
        setId("transport");
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(2, 6, 2, 6));
        Button play = new Button("Play");
        play.setId("transport-play");
        play.setOnAction(e -> model.togglePlay());
        model.playingProperty().addListener((o, a, b) -> play.setText(b ? "Pause" : "Play"));
        keepWidthOfTheLongerText(play, "Play", "Pause");
        Button start = new Button("|<");
        start.setId("transport-start");
        start.setOnAction(e -> model.moveCursor(0));
        CheckBox loop = new CheckBox("Loop");
        loop.setId("transport-loop");
        loop.selectedProperty().bindBidirectional(model.loopProperty());
        Label time = new Label("0.00 s");
        time.setId("transport-time");
        time.setMinWidth(70);
        model.cursorProperty().addListener((o, a, b) -> time.setText(String.format(Locale.ROOT, "%.2f s", b.doubleValue())));
        Slider yaw = new Slider(-180, 180, 0);
        yaw.setId("head-yaw");
        yaw.setPrefWidth(160);
        yaw.valueProperty().bindBidirectional(model.headYawProperty());
        // re-decode once the slider is let go, not on every step of a drag
        yaw.valueChangingProperty().addListener((o, a, changing) -> {
            if (!changing) {
                model.applyListening();
            }
        });
        Label yawLabel = new Label();
        yawLabel.textProperty().bind(model.headYawProperty().asString(Locale.ROOT, "Head yaw %.0f\u00b0"));
        ComboBox<Listening.Mode> mode = new ComboBox<>();
        mode.getItems().setAll(Listening.Mode.values());
        mode.setId("listening-mode");
        mode.setConverter(new ReadableNames<>());
        mode.valueProperty().bindBidirectional(model.listeningModeProperty());
        mode.setOnAction(e -> model.applyListening());
        Button export = new Button("Export WAV\u2026");
        export.setId("export-listening");
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export what the listener hears");
            chooser.setInitialFileName("binaural.wav");
            File f = chooser.showSaveDialog(getScene().getWindow());
            if (f != null) {
                model.exportListening(f.toPath());
            }
        });
        getChildren().addAll(start, play, loop, time, yawLabel, yaw, mode, export);
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                model.followPlayback();
            }
        }.start();
    }
}
