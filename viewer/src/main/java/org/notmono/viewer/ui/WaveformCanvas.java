package org.notmono.viewer.ui;
import org.notmono.viewer.session.ViewerDocument;

import javafx.scene.paint.Color;

/** One channel's waveform (min/max per pixel column) over the visible span, with the cursor. */
final class WaveformCanvas extends CanvasPane {
    private static final Color BACKGROUND = Color.web("#1e1e24");
    private static final Color WAVE = Color.web("#7fc8f8");
    private final ViewerViewModel model;
    private final int channel;

    WaveformCanvas(ViewerViewModel model, int channel) {
        this.model = model;
        this.channel = channel;
        setId("waveform-" + channel);
    }

    @Override
    void paint() {
        int w = (int) canvas.getWidth();
        int h = (int) canvas.getHeight();
        var g = canvas.getGraphicsContext2D();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        ViewerDocument d = model.documentProperty().get();
        if (w <= 0 || h <= 0 || d == null) {
            return;
        }
        int length = d.audio().frames();
        double fs = d.audio().sampleRate();
        double start = model.viewStartProperty().get() * fs;
        double perPixel = (model.viewEndProperty().get() * fs - start) / w;
        g.setStroke(WAVE);
        g.setLineWidth(1);
        double mid = h / 2.0;
        for (int px = 0; px < w; px++) {
            int a = (int) Math.max(0, start + px * perPixel);
            int b = (int) Math.min(length, Math.max(a + 1, start + (px + 1) * perPixel));
            if (a >= length) {
                break;
            }
            float[] range = d.waveform().range(d.audio(), channel, a, b);
            g.strokeLine(px + 0.5, mid - range[1] * mid, px + 0.5, mid - range[0] * mid + 1);
        }
        TimeAxis.drawCursor(g, model, w, h, Color.ORANGE);
    }
}
