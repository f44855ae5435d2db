package org.notmono.viewer.ui;

import java.util.Arrays;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import org.notmono.sim.scene.metrics.TruthSource;
import org.notmono.viewer.analysis.AxisTicks;
import org.notmono.viewer.analysis.DirectionTrack;
import org.notmono.viewer.session.ViewerDocument;

/**
 * Direction against time over the visible span: the dominant azimuth (top) and elevation
 * (bottom) as dots faded by level, one dot per pixel column (the loudest frame it covers, so
 * a long file costs no more than a short one), the ground truth as dashed lines, the cursor, and the time axis below.
 */
final class DirectionTrackCanvas extends CanvasPane {
    private static final double MARGIN_LEFT = 44;
    /** Room for the time axis under the tracks. */
    private static final double MARGIN_BOTTOM = 20;
    private static final Color AZIMUTH = Color.web("#f9c74f");
    private static final Color ELEVATION = Color.web("#4cc9f0");
    private final ViewerViewModel model;

    DirectionTrackCanvas(ViewerViewModel model) {
        this.model = model;
        setId("direction-track");
        model.documentProperty().addListener((o, a, b) -> paint());
        model.viewStartProperty().addListener((o, a, b) -> paint());
        model.viewEndProperty().addListener((o, a, b) -> paint());
        showCursor(model, Color.WHITE, MARGIN_LEFT);
    }

    @Override
    void paint() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#15151a"));
        g.fillRect(0, 0, w, h);
        ViewerDocument d = model.documentProperty().get();
        if (d == null || !d.isFoa() || w < MARGIN_LEFT + 10 || h < 40 + MARGIN_BOTTOM) {
            return;
        }
        DirectionTrack track = d.track();
        double pw = w - MARGIN_LEFT;
        double half = (h - MARGIN_BOTTOM) / 2;
        timeAxis(g, h - MARGIN_BOTTOM, pw);
        axis(g, "azimuth", 0, half, 180, pw);
        axis(g, "elevation", half, half, 90, pw);
        double maxLevel = 0;
        for (double l : track.level()) {
            maxLevel = Math.max(maxLevel, l);
        }
        for (TruthSource t : d.truth()) {
            g.setStroke(Color.gray(0.9, 0.7));
            g.setLineDashes(6, 4);
            g.strokeLine(MARGIN_LEFT, y(t.azimuth(), 0, half, 180), w, y(t.azimuth(), 0, half, 180));
            g.strokeLine(MARGIN_LEFT, y(t.elevation(), half, half, 90), w, y(t.elevation(), half, half, 90));
            g.setLineDashes();
        }
        int[] loudest = loudestFramePerColumn(track, (int) pw);
        for (int px = 0; px < loudest.length; px++) {
            int i = loudest[px];
            if (i < 0 || maxLevel <= 0) {
                continue;
            }
            double x = MARGIN_LEFT + px + 0.5;
            // fade by level over 40 dB
            double alpha = Math.clamp(1 + 10 * Math.log10(track.level()[i] / maxLevel + 1e-12) / 40, 0, 1);
            if (alpha > 0) {
                g.setFill(Color.color(AZIMUTH.getRed(), AZIMUTH.getGreen(), AZIMUTH.getBlue(), alpha));
                g.fillOval(x - 1.5, y(track.azimuth()[i], 0, half, 180) - 1.5, 3, 3);
                g.setFill(Color.color(ELEVATION.getRed(), ELEVATION.getGreen(), ELEVATION.getBlue(), alpha));
                g.fillOval(x - 1.5, y(track.elevation()[i], half, half, 90) - 1.5, 3, 3);
            }
        }
    }

    /** For each pixel column of the visible span, the loudest frame in it, or -1 for none. */
    private int[] loudestFramePerColumn(DirectionTrack track, int width) {
        int[] best = new int[Math.max(0, width)];
        Arrays.fill(best, -1);
        double[] t = track.times();
        double step = t.length > 1 ? t[1] - t[0] : 1; // frames are evenly spaced
        int first = Math.max(0, (int) Math.floor(model.viewStartProperty().get() / step) - 1);
        for (int i = first; i < t.length; i++) {
            int px = (int) TimeAxis.toX(model, t[i], width);
            if (px >= width) {
                break;
            }
            if (px >= 0 && (best[px] < 0 || track.level()[i] > track.level()[best[px]])) {
                best[px] = i;
            }
        }
        return best;
    }

    /** Time ticks of the visible span along the bottom, as under the spectrograms. */
    private void timeAxis(GraphicsContext g, double top, double pw) {
        g.setStroke(Color.gray(0.7));
        g.setFill(Color.gray(0.85));
        g.setLineWidth(1);
        g.strokeLine(MARGIN_LEFT, top + 0.5, MARGIN_LEFT + pw, top + 0.5);
        g.setTextBaseline(VPos.TOP);
        for (AxisTicks.Tick t : AxisTicks.time(model.viewStartProperty().get(), model.viewEndProperty().get(), (int) (pw / 80))) {
            double x = Math.round(MARGIN_LEFT + t.fraction() * pw) + 0.5;
            g.strokeLine(x, top, x, top + 4);
            g.setTextAlign(t.fraction() > 0.97 ? TextAlignment.RIGHT : t.fraction() < 0.03 ? TextAlignment.LEFT : TextAlignment.CENTER);
            g.fillText(t.label(), x, top + 5);
        }
    }

    private static double y(double degrees, double top, double height, double limit) {
        return top + (limit - degrees) / (2 * limit) * height;
    }

    private void axis(GraphicsContext g, String name, double top, double height, int limit, double pw) {
        g.setStroke(Color.gray(0.7, 0.4));
        g.setFill(Color.gray(0.85));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int deg = -limit; deg <= limit; deg += 45) {
            double y = y(deg, top, height, limit);
            g.strokeLine(MARGIN_LEFT, y, MARGIN_LEFT + pw, y);
            g.fillText(deg + "\u00b0", MARGIN_LEFT - 4, Math.clamp(y, top + 6, top + height - 6));
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(name, MARGIN_LEFT + 4, top + 10);
    }
}
