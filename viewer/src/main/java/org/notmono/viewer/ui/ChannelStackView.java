package org.notmono.viewer.ui;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.notmono.viewer.analysis.AxisTicks;
import org.notmono.viewer.session.ViewerDocument;

/**
 * Waveform and spectrogram of every channel stacked on one time axis (W, Y, Z, X for FOA), each
 * spectrogram with its frequency axis (in the chosen scale) on the left and its dB colour bar on
 * the right; the time axis, a ruler that shows and moves the visible span, and the readout under
 * the mouse (time, frequency, level, channel) below. Click or drag to move the cursor, scroll to
 * zoom around the mouse, shift+scroll to scroll.
 */
final class ChannelStackView extends VBox {
    /** Width of the frequency axis left of the plots and of the colour bar right of them. */
    static final double LEFT = 60;
    static final double RIGHT = 64;
    private final ViewerViewModel model;
    private final List<CanvasPane> panes = new ArrayList<>();
    private final ScrollBar ruler = new ScrollBar();
    private boolean movingRuler;

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
        ruler.setId("time-ruler");
        ruler.setOrientation(Orientation.HORIZONTAL);
        ruler.valueProperty().addListener((o, a, b) -> {
            if (!movingRuler) {
                model.scroll(b.doubleValue() - model.viewStartProperty().get());
            }
        });
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
            int channel = c;
            Label label = new Label(ViewerViewModel.channelName(d, c));
            label.getStyleClass().add("channel-label");
            WaveformCanvas wave = new WaveformCanvas(model, c);
            SpectrogramCanvas spec = new SpectrogramCanvas(model, c);
            AxisCanvas frequencies = new AxisCanvas(AxisCanvas.Kind.VERTICAL, () -> frequencyTicks(), null);
            frequencies.setId("frequency-axis-" + c);
            AxisCanvas colourBar = new AxisCanvas(AxisCanvas.Kind.COLOUR_BAR,
                    () -> AxisTicks.decibels(model.settingsProperty().get().rangeDb()), () -> model.settingsProperty().get().colours());
            colourBar.setId("colour-bar-" + c);
            spec.setOnMouseMoved(e -> model.pointAt(channel, TimeAxis.toSeconds(model, e.getX(), spec.getWidth()),
                    1 - e.getY() / spec.getHeight()));
            spec.setOnMouseExited(e -> model.clearReadout());
            HBox waveRow = row(label, wave, new Region());
            waveRow.setPrefHeight(40);
            HBox specRow = row(frequencies, spec, colourBar);
            specRow.setPrefHeight(120);
            VBox.setVgrow(specRow, Priority.ALWAYS);
            panes.addAll(List.of(wave, spec, frequencies, colourBar));
            getChildren().addAll(waveRow, specRow);
        }
        AxisCanvas time = new AxisCanvas(AxisCanvas.Kind.HORIZONTAL,
                () -> AxisTicks.time(model.viewStartProperty().get(), model.viewEndProperty().get(), 8), null);
        time.setId("time-axis");
        time.setMinHeight(18);
        time.setPrefHeight(18);
        panes.add(time);
        Label readout = new Label();
        readout.setId("spectrogram-readout");
        readout.textProperty().bind(model.readoutProperty());
        readout.setMinHeight(18);
        getChildren().addAll(row(new Region(), time, new Region()), row(new Region(), ruler, new Region()), row(new Region(), readout, new Region()));
        updateRuler();
    }

    private java.util.List<AxisTicks.Tick> frequencyTicks() {
        ViewerDocument d = model.documentProperty().get();
        return d == null ? List.of() : AxisTicks.frequency(model.settingsProperty().get().scale(), d.audio().sampleRate() / 2.0);
    }

    /** A row: the left gutter, the plot over the time span, the right gutter. */
    private static HBox row(Node left, Region plot, Region right) {
        for (Region gutter : new Region[] {(Region) left, right}) {
            double w = gutter == left ? LEFT : RIGHT;
            gutter.setMinWidth(w);
            gutter.setPrefWidth(w);
            gutter.setMaxWidth(w);
        }
        plot.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(plot, Priority.ALWAYS);
        HBox row = new HBox(left, plot, right);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void repaint() {
        panes.forEach(CanvasPane::paint);
        updateRuler();
    }

    /** The ruler's thumb is the visible span; dragging it scrolls. */
    private void updateRuler() {
        double start = model.viewStartProperty().get();
        double span = model.viewEndProperty().get() - start;
        movingRuler = true;
        ruler.setMin(0);
        ruler.setMax(Math.max(0, model.duration() - span));
        ruler.setVisibleAmount(span);
        ruler.setBlockIncrement(span * 0.9);
        ruler.setUnitIncrement(span * 0.1);
        ruler.setValue(start);
        ruler.setDisable(span >= model.duration() - 1e-9);
        movingRuler = false;
    }

    private double plotWidth() {
        return getWidth() - LEFT - RIGHT;
    }

    private void moveCursor(MouseEvent e) {
        if (!panes.isEmpty() && !(e.getTarget() instanceof ScrollBar) && e.getX() >= LEFT && e.getX() <= getWidth() - RIGHT
                && !isOnRuler(e)) {
            model.moveCursor(TimeAxis.toSeconds(model, e.getX() - LEFT, plotWidth()));
        }
    }

    private boolean isOnRuler(MouseEvent e) {
        return ruler.localToScene(ruler.getBoundsInLocal()).contains(e.getSceneX(), e.getSceneY());
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
            model.zoom(delta > 0 ? 0.8 : 1.25, TimeAxis.toSeconds(model, e.getX() - LEFT, plotWidth()));
        }
        e.consume();
    }
}
