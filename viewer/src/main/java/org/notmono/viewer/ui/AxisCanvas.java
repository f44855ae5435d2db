package org.notmono.viewer.ui;

import java.util.List;
import java.util.function.Supplier;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.notmono.viewer.analysis.AxisTicks;
import org.notmono.viewer.analysis.ColourMap;

/**
 * An axis drawn beside a plot: frequency ticks left of a spectrogram, time ticks under the
 * channel stack, or a colour bar with its dB ticks. The ticks come from {@link AxisTicks}; grey
 * text reads on the light and the dark theme alike.
 */
final class AxisCanvas extends CanvasPane {
    private static final Color INK = Color.gray(0.55);
    private static final Font FONT = Font.font(10);

    /** Where the ticks go. */
    enum Kind { VERTICAL, HORIZONTAL, COLOUR_BAR }

    private final Kind kind;
    private final Supplier<List<AxisTicks.Tick>> ticks;
    private final Supplier<ColourMap> colours;

    /** @param colours the colour map of a {@link Kind#COLOUR_BAR}, else null */
    AxisCanvas(Kind kind, Supplier<List<AxisTicks.Tick>> ticks, Supplier<ColourMap> colours) {
        this.kind = kind;
        this.ticks = ticks;
        this.colours = colours;
        getStyleClass().add("plot-axis");
    }

    @Override
    void paint() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w <= 0 || h <= 0) {
            return;
        }
        g.setFont(FONT);
        g.setFill(INK);
        g.setStroke(INK);
        g.setLineWidth(1);
        switch (kind) {
            case VERTICAL -> vertical(g, w, h, w - 1);
            case HORIZONTAL -> horizontal(g, w);
            case COLOUR_BAR -> colourBar(g, w, h);
        }
    }

    /** Ticks up the right edge at {@code edge}, labels to their left; the top and bottom labels are kept inside. */
    private void vertical(GraphicsContext g, double w, double h, double edge) {
        g.setTextAlign(TextAlignment.RIGHT);
        for (AxisTicks.Tick t : ticks.get()) {
            double y = Math.round((1 - t.fraction()) * (h - 1)) + 0.5;
            g.strokeLine(edge - 4, y, edge, y);
            g.setTextBaseline(y < 8 ? VPos.TOP : y > h - 8 ? VPos.BOTTOM : VPos.CENTER);
            g.fillText(t.label(), edge - 6, y);
        }
    }

    private void horizontal(GraphicsContext g, double w) {
        g.setTextBaseline(VPos.TOP);
        for (AxisTicks.Tick t : ticks.get()) {
            double x = Math.round(t.fraction() * (w - 1)) + 0.5;
            g.strokeLine(x, 0, x, 4);
            g.setTextAlign(x < 20 ? TextAlignment.LEFT : x > w - 20 ? TextAlignment.RIGHT : TextAlignment.CENTER);
            g.fillText(t.label(), x, 5);
        }
    }

    /** A strip of the colour map (bright at the top) with the dB ticks to its right. */
    private void colourBar(GraphicsContext g, double w, double h) {
        ColourMap map = colours.get();
        double strip = 10;
        for (int y = 0; y < h; y++) {
            int argb = map.argb(1 - y / (h - 1));
            g.setFill(Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff));
            g.fillRect(2, y, strip, 1);
        }
        g.setFill(INK);
        g.setTextAlign(TextAlignment.LEFT);
        for (AxisTicks.Tick t : ticks.get()) {
            double y = Math.round((1 - t.fraction()) * (h - 1)) + 0.5;
            g.strokeLine(2 + strip, y, 6 + strip, y);
            g.setTextBaseline(y < 8 ? VPos.TOP : y > h - 8 ? VPos.BOTTOM : VPos.CENTER);
            g.fillText(t.label(), 8 + strip, y);
        }
    }
}
