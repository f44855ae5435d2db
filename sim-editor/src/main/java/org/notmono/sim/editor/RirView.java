package org.notmono.sim.editor;

import java.util.Locale;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The selected source's impulse response (W, in dB of its peak) with the Schroeder decay
 * curve on the same axes, 0 to -60 dB. The Listen & View workspace has the full RIR plots;
 * this is the quick look beside the room.
 */
public final class RirView extends VBox {
    private static final double FLOOR_DB = -60;
    private final Canvas canvas = new Canvas(300, 110);
    private final Label caption = new Label("Select a source to see its RIR and decay");
    private PlotPalette palette = PlotPalette.LIGHT;
    private RirPreview shown;

    public RirView(SceneRenderViewModel render) {
        super(2);
        setId("rir-view");
        caption.setId("rir-caption");
        Pane holder = new Pane(canvas);
        holder.setPrefHeight(110);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.widthProperty().addListener((o, a, b) -> draw(render.rirProperty().get()));
        getChildren().addAll(caption, holder);
        render.rirProperty().addListener((o, a, b) -> draw(b));
        PlotPalette.follow(holder, p -> {
            palette = p;
            draw(shown);
        });
    }

    private void draw(RirPreview rir) {
        shown = rir;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.setFill(palette.background());
        g.fillRect(0, 0, w, h);
        if (rir == null || rir.foa()[0].length == 0) {
            caption.setText("Select a source to see its RIR and decay");
            return;
        }
        float[] x = rir.foa()[0];
        double peak = 0;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        g.setStroke(palette.dark() ? Color.web("#8d99a6") : Color.web("#7f8c8d"));
        int n = x.length;
        for (int px = 0; px < w; px++) {
            int from = (int) ((long) px * n / (int) w), to = Math.max(from + 1, (int) ((long) (px + 1) * n / (int) w));
            double m = 0;
            for (int i = from; i < Math.min(to, n); i++) {
                m = Math.max(m, Math.abs(x[i]));
            }
            double db = m > 0 ? 20 * Math.log10(m / peak) : FLOOR_DB;
            g.strokeLine(px, h, px, y(db, h));
        }
        g.setStroke(Color.web("#c0392b"));
        g.setLineWidth(2);
        g.beginPath();
        for (int px = 0; px < w; px++) {
            int i = Math.min(n - 1, (int) ((long) px * n / (int) w));
            double v = Double.isInfinite(rir.decay()[i]) ? FLOOR_DB : rir.decay()[i];
            if (px == 0) {
                g.moveTo(px, y(v, h));
            } else {
                g.lineTo(px, y(v, h));
            }
        }
        g.stroke();
        g.setLineWidth(1);
        caption.setText(String.format(Locale.ROOT, "RIR of %s (W, dB) and decay: %.2f s long, T30 %s", rir.sourceId(),
                (double) n / rir.sampleRate(), Double.isNaN(rir.t30()) ? "n/a" : String.format(Locale.ROOT, "%.3f s", rir.t30())));
    }

    private static double y(double db, double h) {
        return h * Math.min(1, Math.max(0, db / FLOOR_DB));
    }
}
