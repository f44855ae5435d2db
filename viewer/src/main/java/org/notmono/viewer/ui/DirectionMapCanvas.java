package org.notmono.viewer.ui;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import org.notmono.sim.scene.Slot;
import org.notmono.sim.scene.metrics.SlotMatch;
import org.notmono.sim.scene.metrics.TruthSource;
import org.notmono.viewer.analysis.AxisTicks;
import org.notmono.viewer.analysis.ColourMap;
import org.notmono.viewer.analysis.DirectionGrid;
import org.notmono.viewer.analysis.DirectionMap;
import org.notmono.viewer.analysis.ShortestArc;
import org.notmono.viewer.session.ViewerDocument;

/**
 * The flat direction map: energy over an equirectangular azimuth/elevation grid (left edge
 * +180, centre the front, right edge -180; elevation up), gridlines every 45 degrees with
 * labels, ground truth as white rings and predicted slots as crosses (coloured as in
 * {@link SlotColours}) whose opacity is their existence, joined to their matched truth.
 */
final class DirectionMapCanvas extends CanvasPane {
    private static final Color MATCH_LINE = Color.web("#39e6a0");
    private static final double MARGIN_LEFT = 40;
    private static final double MARGIN_BOTTOM = 22;
    private static final double MARGIN_TOP = 6;
    /** Room for the colour bar and for the -180 label at the right edge. */
    private static final double MARGIN_RIGHT = 88;
    /** The map shows energy from this many dB below its peak (dark) to the peak (bright). */
    private static final double RANGE_DB = 30;
    private final ViewerViewModel model;

    DirectionMapCanvas(ViewerViewModel model) {
        this.model = model;
        setId("direction-map");
        model.directionMapProperty().addListener((o, a, b) -> paint());
        model.shownPredictionProperty().addListener((o, a, b) -> paint());
    }

    double x(double azimuth, double plotWidth) {
        return MARGIN_LEFT + (180 - azimuth) / 360 * plotWidth;
    }

    double y(double elevation, double plotHeight) {
        return MARGIN_TOP + (90 - elevation) / 180 * plotHeight;
    }

    @Override
    void paint() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#15151a"));
        g.fillRect(0, 0, w, h);
        double pw = w - MARGIN_LEFT - MARGIN_RIGHT;
        double ph = h - MARGIN_TOP - MARGIN_BOTTOM;
        if (pw <= 10 || ph <= 10) {
            return;
        }
        DirectionMap map = model.directionMapProperty().get();
        if (map != null) {
            drawMap(g, map, pw, ph);
        }
        drawGrid(g, pw, ph);
        drawColourBar(g, MARGIN_LEFT + pw + 22, ph);
        ViewerDocument d = model.documentProperty().get();
        if (d != null) {
            List<Rectangle2D> labels = new ArrayList<>();
            for (TruthSource t : model.shownTruth()) {
                g.setStroke(Color.WHITE);
                g.setLineWidth(2);
                g.strokeOval(x(t.azimuth(), pw) - 7, y(t.elevation(), ph) - 7, 14, 14);
                g.setFill(Color.WHITE);
                label(g, labels, t.classId() == null ? t.id() : t.classId(), x(t.azimuth(), pw), y(t.elevation(), ph));
            }
            for (SlotMatch m : model.matches()) {
                g.setStroke(MATCH_LINE);
                g.setLineWidth(1.5);
                for (ShortestArc.Piece p : ShortestArc.between(m.slot().azimuth(), m.slot().elevation(), m.truth().azimuth(),
                        m.truth().elevation())) {
                    g.strokeLine(x(p.azimuth1(), pw), y(p.elevation1(), ph), x(p.azimuth2(), pw), y(p.elevation2(), ph));
                }
            }
            List<Slot> slots = model.shownSlots();
            for (int i = 0; i < slots.size(); i++) {
                Slot s = slots.get(i);
                Color c = SlotColours.of(s, i);
                g.setStroke(Color.color(c.getRed(), c.getGreen(), c.getBlue(), Math.max(0.15, s.existence())));
                g.setLineWidth(2.5);
                double sx = x(s.azimuth(), pw);
                double sy = y(s.elevation(), ph);
                g.strokeLine(sx - 6, sy - 6, sx + 6, sy + 6);
                g.strokeLine(sx - 6, sy + 6, sx + 6, sy - 6);
                if (s.exists() && !SlotColours.label(s).isEmpty()) {
                    g.setFill(c);
                    label(g, labels, SlotColours.label(s), sx, sy);
                }
            }
        }
    }

    /**
     * Writes a label beside the mark at (x, y): right above, right below, left above or left
     * below, whichever overlaps no label written before and stays on the canvas; none when all do
     * (the list under the map names every slot anyway).
     */
    private void label(GraphicsContext g, List<Rectangle2D> taken, String text, double x, double y) {
        Text probe = new Text(text);
        probe.setFont(g.getFont());
        double w = probe.getLayoutBounds().getWidth();
        double h = probe.getLayoutBounds().getHeight();
        double[][] places = {{x + 9, y - 9 - h}, {x + 9, y + 9}, {x - 9 - w, y - 9 - h}, {x - 9 - w, y + 9}};
        for (double[] p : places) {
            Rectangle2D box = new Rectangle2D(p[0], p[1], w, h);
            if (p[0] >= 0 && p[0] + w <= canvas.getWidth() && p[1] >= 0 && p[1] + h <= canvas.getHeight()
                    && taken.stream().noneMatch(box::intersects)) {
                taken.add(box);
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.TOP);
                g.fillText(text, p[0], p[1]);
                return;
            }
        }
    }

    private void drawMap(GraphicsContext g, DirectionMap map, double pw, double ph) {
        DirectionGrid grid = map.grid();
        int cols = grid.columns();
        int rows = grid.rows();
        int[] pixels = new int[cols * rows];
        double max = map.max();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                // dB over 30 dB below the peak: weak directions stay visible
                double v = max <= 0 ? 0 : 1 + 10 * Math.log10(map.value(r, c) / max + 1e-12) / RANGE_DB;
                pixels[r * cols + c] = ColourMap.MAGMA.argb(v);
            }
        }
        WritableImage image = new WritableImage(cols, rows);
        image.getPixelWriter().setPixels(0, 0, cols, rows, PixelFormat.getIntArgbPreInstance(), pixels, 0, cols);
        g.setImageSmoothing(false);
        g.drawImage(image, MARGIN_LEFT, MARGIN_TOP, pw, ph);
    }

    /** The map's colour scale: dB relative to its loudest direction. */
    private void drawColourBar(GraphicsContext g, double left, double ph) {
        for (int y = 0; y < ph; y++) {
            int argb = ColourMap.MAGMA.argb(1 - y / (ph - 1));
            g.setFill(Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff));
            g.fillRect(left, MARGIN_TOP + y, 10, 1);
        }
        g.setFill(Color.gray(0.85));
        g.setStroke(Color.gray(0.85));
        g.setTextAlign(TextAlignment.LEFT);
        for (AxisTicks.Tick t : AxisTicks.decibels(RANGE_DB)) {
            double y = Math.round(MARGIN_TOP + (1 - t.fraction()) * (ph - 1)) + 0.5;
            g.strokeLine(left + 10, y, left + 13, y);
            g.setTextBaseline(t.fraction() > 0.97 ? VPos.TOP : t.fraction() < 0.03 ? VPos.BOTTOM : VPos.CENTER);
            g.fillText(t.label(), left + 15, y);
        }
    }

    private void drawGrid(GraphicsContext g, double pw, double ph) {
        g.setStroke(Color.gray(0.8, 0.45));
        g.setLineWidth(1);
        g.setFill(Color.gray(0.85));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        for (int az = 180; az >= -180; az -= 45) {
            double x = x(az, pw);
            g.strokeLine(x, MARGIN_TOP, x, MARGIN_TOP + ph);
            g.fillText(az + "\u00b0", x, MARGIN_TOP + ph + 4);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int el = 90; el >= -90; el -= 45) {
            double y = y(el, ph);
            g.strokeLine(MARGIN_LEFT, y, MARGIN_LEFT + pw, y);
            g.fillText(el + "\u00b0", MARGIN_LEFT - 4, y);
        }
    }
}
