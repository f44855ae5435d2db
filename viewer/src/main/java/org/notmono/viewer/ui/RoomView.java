package org.notmono.viewer.ui;

import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import org.notmono.sim.editor.PlotPalette;
import org.notmono.viewer.analysis.RoomResponse;

/**
 * The room: the FOA RIR channels (first {@value #RIR_SECONDS} s) and the energy decay curve of
 * W with the T20/T30 fits and the Sabine and Eyring slopes, each drawn from -5 dB at the time
 * the curve crosses it (ISO 3382's starting point).
 */
public final class RoomView extends VBox {
    static final double RIR_SECONDS = 0.1;
    private static final String[] CHANNELS = {"W", "Y", "Z", "X"};
    private static final int MAX_POINTS = 3000;

    private PlotPalette palette = PlotPalette.LIGHT;
    private RoomResponse shown;

    public RoomView() {
        setId("room-view");
        setSpacing(4);
        show(null);
        PlotPalette.follow(this, p -> {
            palette = p;
            show(shown);
        });
    }

    /** Shows a response, or a hint when there is none. */
    public void show(RoomResponse r) {
        shown = r;
        getChildren().clear();
        if (r == null) {
            getChildren().add(new Label("No room: open a WAV with its ground truth (X.rtsd.json beside it, or a clip of a dataset or benchmark)."));
            return;
        }
        ChartViewer rir = new ChartViewer(styled(rirChart(r)));
        ChartViewer decay = new ChartViewer(styled(decayChart(r)));
        rir.setId("rir-chart");
        decay.setId("decay-chart");
        VBox.setVgrow(rir, Priority.ALWAYS);
        VBox.setVgrow(decay, Priority.ALWAYS);
        Label numbers = new Label(String.format(Locale.ROOT, "Source %s.  T20 %.2f s, T30 %.2f s;  Sabine %.2f s, Eyring %.2f s",
                r.sourceId(), r.t20(), r.t30(), r.sabine(), r.eyring()));
        numbers.setId("room-numbers");
        getChildren().addAll(numbers, rir, decay);
    }

    /** The palette in use (from the theme). */
    PlotPalette palette() {
        return palette;
    }

    /** Background, title, legend, axes and gridlines in the theme's colours (JFreeChart paints white otherwise). */
    private JFreeChart styled(JFreeChart chart) {
        java.awt.Color bg = awt(palette.background());
        java.awt.Color fg = awt(palette.text());
        java.awt.Color grid = awt(palette.grid());
        chart.setBackgroundPaint(bg);
        chart.getTitle().setPaint(fg);
        if (chart.getLegend() != null) {
            chart.getLegend().setBackgroundPaint(bg);
            chart.getLegend().setItemPaint(fg);
        }
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(bg);
        plot.setDomainGridlinePaint(grid);
        plot.setRangeGridlinePaint(grid);
        plot.setOutlinePaint(grid);
        for (ValueAxis axis : new ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            axis.setLabelPaint(fg);
            axis.setTickLabelPaint(fg);
            axis.setAxisLinePaint(fg);
            axis.setTickMarkPaint(fg);
        }
        return chart;
    }

    private static java.awt.Color awt(javafx.scene.paint.Color c) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity());
    }

    private static JFreeChart rirChart(RoomResponse r) {
        XYSeriesCollection data = new XYSeriesCollection();
        int n = Math.min(r.rir()[0].length, (int) (RIR_SECONDS * r.sampleRate()));
        for (int c = 0; c < r.rir().length; c++) {
            XYSeries s = new XYSeries(CHANNELS[c], false, true);
            for (int i = 0; i < n; i++) {
                s.add(1000.0 * i / r.sampleRate(), r.rir()[c][i]);
            }
            data.addSeries(s);
        }
        return ChartFactory.createXYLineChart("FOA room impulse response", "time (ms)", "amplitude", data,
                PlotOrientation.VERTICAL, true, false, false);
    }

    private static JFreeChart decayChart(RoomResponse r) {
        XYSeriesCollection data = new XYSeriesCollection();
        double[] edc = r.decayDb();
        XYSeries curve = new XYSeries("Schroeder decay (W)", false, true);
        int step = Math.max(1, edc.length / MAX_POINTS);
        double start = Double.NaN;
        for (int i = 0; i < edc.length; i += step) {
            if (edc[i] < -90) {
                break;
            }
            curve.add((double) i / r.sampleRate(), edc[i]);
        }
        for (int i = 0; i < edc.length; i++) {
            if (edc[i] <= -5) {
                start = (double) i / r.sampleRate();
                break;
            }
        }
        data.addSeries(curve);
        addSlope(data, "T20 fit", r.t20(), start);
        addSlope(data, "T30 fit", r.t30(), start);
        addSlope(data, "Sabine", r.sabine(), start);
        addSlope(data, "Eyring", r.eyring(), start);
        return ChartFactory.createXYLineChart("Energy decay", "time (s)", "level (dB)", data, PlotOrientation.VERTICAL,
                true, false, false);
    }

    /** A line falling 60 dB per {@code rt60} seconds from -5 dB at {@code start}, down to -65 dB. */
    private static void addSlope(XYSeriesCollection data, String name, double rt60, double start) {
        if (!Double.isFinite(rt60) || !Double.isFinite(start)) {
            return;
        }
        XYSeries s = new XYSeries(String.format(Locale.ROOT, "%s %.2f s", name, rt60));
        s.add(start, -5);
        s.add(start + rt60, -65);
        data.addSeries(s);
    }
}
