package org.notmono.viewer.ui;
import org.notmono.viewer.session.ViewerDocument;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Waveform and spectrogram of every channel stacked on one time axis (W, Y, Z, X for FOA).
 * Click or drag to move the cursor, scroll to zoom around the mouse, shift+scroll to scroll.
 */
final class ChannelStackView extends VBox {
    private static final String[] FOA_NAMES = {"W", "Y", "Z", "X"};
    private final ViewerViewModel model;
    private final List<CanvasPane> panes = new ArrayList<>();

    ChannelStackView(ViewerViewModel model) {
        this.model = model;
        setId("channel-stack");
        setSpacing(2);
        model.documentProperty().addListener((o, a, b) -> rebuild(a == null ? -1 : a.audio().channelCount()));
        model.settingsProperty().addListener((o, a, b) -> repaint());
        model.viewStartProperty().addListener((o, a, b) -> repaint());
        model.viewEndProperty().addListener((o, a, b) -> repaint());
        setFocusTraversable(true); // clicked, the panes take the keys: Space plays, Home goes to the start
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> requestFocus());
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::moveCursor);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::moveCursor);
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        rebuild(-1);
    }

    private void rebuild(int previousChannels) {
        ViewerDocument d = model.documentProperty().get();
        if (d != null && d.audio().channelCount() == previousChannels) {
            repaint();
            return;
        }
        getChildren().clear();
        panes.clear();
        if (d == null) {
            getChildren().add(new Label("No clip open."));
            return;
        }
        int n = d.audio().channelCount();
        for (int c = 0; c < n; c++) {
            String name = n == 4 ? FOA_NAMES[c] : "ch " + (c + 1);
            Label label = new Label(name);
            label.getStyleClass().add("channel-label");
            WaveformCanvas wave = new WaveformCanvas(model, c);
            wave.setPrefHeight(40);
            SpectrogramCanvas spec = new SpectrogramCanvas(model, c);
            spec.setPrefHeight(120);
            VBox.setVgrow(spec, Priority.ALWAYS);
            panes.add(wave);
            panes.add(spec);
            getChildren().addAll(label, wave, spec);
        }
    }

    private void repaint() {
        panes.forEach(CanvasPane::paint);
    }

    private void moveCursor(MouseEvent e) {
        if (!panes.isEmpty()) {
            model.moveCursor(TimeAxis.toSeconds(model, e.getX(), getWidth()));
        }
    }

    private void scrolled(ScrollEvent e) {
        double delta = e.getDeltaY() != 0 ? e.getDeltaY() : e.getDeltaX();
        if (delta == 0) {
            return;
        }
        if (e.isShiftDown()) {
            double span = model.viewEndProperty().get() - model.viewStartProperty().get();
            model.scroll(-Math.signum(delta) * span * 0.1);
        } else {
            model.zoom(delta > 0 ? 0.8 : 1.25, TimeAxis.toSeconds(model, e.getX(), getWidth()));
        }
        e.consume();
    }
}
