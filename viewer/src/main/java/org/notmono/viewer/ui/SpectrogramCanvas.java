package org.notmono.viewer.ui;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import org.notmono.viewer.analysis.Spectrogram;
import org.notmono.viewer.analysis.SpectrogramRenderer;
import org.notmono.viewer.session.SpectrogramSettings;
import org.notmono.viewer.session.ViewerDocument;

/** One channel's spectrogram over the visible span, with the cursor. */
final class SpectrogramCanvas extends CanvasPane {
    private final ViewerViewModel model;
    private final int channel;
    private WritableImage image;

    SpectrogramCanvas(ViewerViewModel model, int channel) {
        this.model = model;
        this.channel = channel;
        getStyleClass().add("spectrogram");
        setId("spectrogram-" + channel);
    }

    @Override
    void paint() {
        int w = (int) canvas.getWidth();
        int h = (int) canvas.getHeight();
        var g = canvas.getGraphicsContext2D();
        ViewerDocument d = model.documentProperty().get();
        if (w <= 0 || h <= 0 || d == null) {
            return;
        }
        SpectrogramSettings s = model.settingsProperty().get();
        Spectrogram spec = d.spectrogram();
        int[] pixels = SpectrogramRenderer.render(spec, channel, model.viewStartProperty().get(), model.viewEndProperty().get(),
                w, h, new SpectrogramRenderer.Look(s.scale(), s.colours(), 0, s.rangeDb(), s.gainDb()));
        if (image == null || image.getWidth() != w || image.getHeight() != h) {
            image = new WritableImage(w, h);
        }
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), pixels, 0, w);
        g.drawImage(image, 0, 0);
        TimeAxis.drawCursor(g, model, w, h, Color.WHITE);
    }
}
