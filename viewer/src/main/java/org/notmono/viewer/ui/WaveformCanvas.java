package org.notmono.viewer.ui;

import javafx.scene.paint.Color;

import org.notmono.viewer.analysis.WaveformRenderer;
import org.notmono.viewer.session.ViewerDocument;

/** One channel's waveform (min/max per pixel column) over the visible span, with the cursor over it. */
final class WaveformCanvas extends CanvasPane {
    private static final int BACKGROUND = 0xff1e1e24;
    private static final int WAVE = 0xff7fc8f8;
    private final ViewerViewModel model;
    private final int channel;

    WaveformCanvas(ViewerViewModel model, int channel) {
        this.model = model;
        this.channel = channel;
        setId("waveform-" + channel);
        showCursor(model, Color.ORANGE);
    }

    @Override
    void paint() {
        int w = (int) canvas.getWidth();
        int h = (int) canvas.getHeight();
        ViewerDocument d = model.documentProperty().get();
        if (w <= 0 || h <= 0 || d == null) {
            return;
        }
        int[] pixels = WaveformRenderer.render(d.audio(), d.waveform(), channel, model.viewStartProperty().get(),
                model.viewEndProperty().get(), w, h, BACKGROUND, WAVE);
        drawPixels(pixels, w, h);
    }
}
