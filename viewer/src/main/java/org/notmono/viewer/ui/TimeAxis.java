package org.notmono.viewer.ui;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** Maps between the visible span and pixels; draws the playback cursor. */
final class TimeAxis {
    private TimeAxis() {
    }

    static double toX(ViewerViewModel m, double seconds, double width) {
        double start = m.viewStartProperty().get();
        return (seconds - start) / (m.viewEndProperty().get() - start) * width;
    }

    static double toSeconds(ViewerViewModel m, double x, double width) {
        double start = m.viewStartProperty().get();
        return start + x / width * (m.viewEndProperty().get() - start);
    }

    static void drawCursor(GraphicsContext g, ViewerViewModel m, double width, double height, Color colour) {
        double x = Math.floor(toX(m, m.cursorProperty().get(), width)) + 0.5;
        if (x >= 0 && x <= width) {
            g.setStroke(colour);
            g.setLineWidth(1);
            g.strokeLine(x, 0, x, height);
        }
    }
}
