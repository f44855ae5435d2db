package org.notmono.training.monitor.ui;

import java.awt.BasicStroke;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYDataset;

import org.notmono.training.monitor.Curve;
import org.notmono.training.monitor.XAxis;

/**
 * One metric of the shown runs: each run's raw values as a faint line and their debiased EMA
 * over it in the run's colour, a legend of runs, dashed lines at stage boundaries, a readout of
 * the values under the mouse, and PNG / CSV export.
 */
public final class MetricChart extends VBox {
    /** Buckets per curve (at most four points each): a 420-pixel plot gets about one point per pixel. */
    static final int BUCKETS = 110;

    private final String metric;
    private final DefaultXYDataset data = new DefaultXYDataset();
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    private final XYPlot plot = new XYPlot(data, new NumberAxis("step"), new NumberAxis(), renderer);
    private final JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    private final ChartViewer viewer = new ChartViewer(chart);
    private final Label readout = new Label(" ");
    private final List<Curve> curves = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private XAxis axis = XAxis.STEP;
    private boolean log;

    MetricChart(String metric, BiConsumer<MetricChart, Boolean> export) {
        this.metric = metric;
        setId("chart-" + metric.replaceAll("[^A-Za-z0-9_]", "-"));
        getStyleClass().add("metric-chart");
        renderer.setDrawSeriesLineAsPath(true);
        plot.setDomainPannable(true);
        chart.setAntiAlias(true);
        chart.setBackgroundPaint(java.awt.Color.WHITE);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        // FXGraphics2D measures text a little narrower than it draws it: room between legend items
        chart.getLegend().setItemLabelPadding(new org.jfree.chart.ui.RectangleInsets(2, 2, 2, 14));
        Label title = new Label(metric);
        title.getStyleClass().add("metric-chart-title");
        Button png = new Button("PNG");
        png.setId("export-png");
        png.setOnAction(e -> export.accept(this, false));
        Button csv = new Button("CSV");
        csv.setId("export-csv");
        csv.setOnAction(e -> export.accept(this, true));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(6, title, gap, png, csv);
        header.setAlignment(Pos.CENTER_LEFT);
        viewer.setPrefSize(460, 260);
        viewer.setMinHeight(200);
        readout.setId("chart-readout");
        readout.getStyleClass().add("chart-readout");
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
                hover(event.getTrigger().getX());
            }
        });
        getChildren().addAll(header, viewer, readout);
    }

    /** The metric key this chart shows, e.g. {@code train/loss}. */
    public String metric() {
        return metric;
    }

    /** The curves drawn now, one per shown run, in legend order. */
    public List<Curve> curves() {
        return curves;
    }

    /** Redraws with these runs' curves ({@code colours} index the palette) and boundaries (steps). */
    void show(List<String> runs, List<Curve> runCurves, List<Integer> colours, XAxis x, boolean logScale, List<Long> boundaries) {
        chart.setNotify(false);
        if (x != axis || logScale != log || plot.getDomainAxis() == null) {
            axis = x;
            log = logScale;
            plot.setDomainAxis(domainAxis(x));
            plot.setRangeAxis(rangeAxis(logScale));
        }
        while (data.getSeriesCount() > 0) {
            data.removeSeries(data.getSeriesKey(0));
        }
        curves.clear();
        names.clear();
        LegendItemCollection legend = new LegendItemCollection();
        for (int i = 0; i < runCurves.size(); i++) {
            Curve c = runCurves.get(i);
            if (c.size() == 0) {
                continue;
            }
            int raw = data.getSeriesCount();
            data.addSeries(runs.get(i) + " (raw)", new double[][] {c.x(), c.raw()});
            data.addSeries(runs.get(i), new double[][] {c.x(), c.smooth()});
            renderer.setSeriesPaint(raw, RunColours.faint(colours.get(i)));
            renderer.setSeriesStroke(raw, new BasicStroke(1f));
            renderer.setSeriesPaint(raw + 1, RunColours.of(colours.get(i)));
            renderer.setSeriesStroke(raw + 1, new BasicStroke(2f));
            legend.add(new LegendItem(runs.get(i), RunColours.of(colours.get(i))));
            curves.add(c);
            names.add(runs.get(i));
        }
        plot.setFixedLegendItems(legend);
        plot.clearDomainMarkers();
        if (x == XAxis.STEP) {
            for (long b : boundaries) {
                ValueMarker m = new ValueMarker(b, java.awt.Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f));
                m.setLabel("stage");
                plot.addDomainMarker(m);
            }
        }
        chart.setNotify(true);
    }

    private static ValueAxis domainAxis(XAxis x) {
        return switch (x) {
            case STEP -> new NumberAxis("step");
            case RELATIVE -> new NumberAxis("hours since the run's first step");
            case WALL -> new DateAxis("wall time");
        };
    }

    private ValueAxis rangeAxis(boolean logScale) {
        if (logScale) {
            LogAxis a = new LogAxis(metric + " (log)");
            a.setSmallestValue(1e-12);
            return a;
        }
        NumberAxis a = new NumberAxis(metric);
        a.setAutoRangeIncludesZero(false);
        return a;
    }

    private void hover(double screenX) {
        Rectangle2D area = viewer.getCanvas().getRenderingInfo() == null ? null
                : viewer.getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
        if (area == null || curves.isEmpty()) {
            return;
        }
        double at = plot.getDomainAxis().java2DToValue(screenX, area, RectangleEdge.BOTTOM);
        readout.setText(readout(at));
    }

    /** "step 120: run-a 0.532 (smoothed 0.551); run-b ..." for the points nearest to {@code at}. */
    private String readout(double at) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < curves.size(); i++) {
            Curve c = curves.get(i);
            int k = c.nearest(at);
            if (k < 0) {
                continue;
            }
            b.append(b.isEmpty() ? "" : ";  ").append(names.get(i)).append(" step ").append(c.steps()[k]).append(": ")
                    .append(String.format(Locale.ROOT, "%.4g (smoothed %.4g)", c.raw()[k], c.smooth()[k]));
        }
        return b.toString();
    }

    /** Writes the chart as a 1200 x 700 PNG (a temporary file renamed into place). */
    void savePng(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        ChartUtils.saveChartAsPNG(tmp.toFile(), chart, 1200, 700);
        java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
