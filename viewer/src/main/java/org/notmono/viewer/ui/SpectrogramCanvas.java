package org.notmono.viewer.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import javafx.application.Platform;
import javafx.scene.paint.Color;

import org.notmono.viewer.analysis.Spectrogram;
import org.notmono.viewer.analysis.SpectrogramRenderer;
import org.notmono.viewer.session.SpectrogramSettings;
import org.notmono.viewer.session.ViewerDocument;

/**
 * One channel's spectrogram over the visible span, with the cursor over it. The pixels are
 * computed on a background thread (a 10-minute clip's overview takes tens of milliseconds
 * per channel) and put on the canvas by the FX thread; a newer request supersedes an older one.
 */
final class SpectrogramCanvas extends CanvasPane {
    private static final ExecutorService RENDERER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "spectrogram-renderer");
        t.setDaemon(true);
        return t;
    });
    private final ViewerViewModel model;
    private final int channel;
    private final AtomicLong latest = new AtomicLong();

    SpectrogramCanvas(ViewerViewModel model, int channel) {
        this.model = model;
        this.channel = channel;
        getStyleClass().add("spectrogram");
        setId("spectrogram-" + channel);
        showCursor(model, Color.WHITE);
    }

    @Override
    void paint() {
        int w = (int) canvas.getWidth();
        int h = (int) canvas.getHeight();
        ViewerDocument d = model.documentProperty().get();
        if (w <= 0 || h <= 0 || d == null) {
            return;
        }
        long request = latest.incrementAndGet();
        SpectrogramSettings s = model.settingsProperty().get();
        Spectrogram spec = d.spectrogram();
        double start = model.viewStartProperty().get();
        double end = model.viewEndProperty().get();
        RENDERER.execute(() -> {
            if (latest.get() != request) {
                return; // superseded before it started
            }
            int[] pixels = SpectrogramRenderer.render(spec, channel, start, end, w, h,
                    new SpectrogramRenderer.Look(s.scale(), s.colours(), 0, s.rangeDb(), s.gainDb()));
            Platform.runLater(() -> show(request, pixels, w, h));
        });
    }

    private void show(long request, int[] pixels, int w, int h) {
        if (latest.get() != request) {
            return;
        }
        drawPixels(pixels, w, h);
    }
}
