package org.notmono.training.monitor.ui;

import java.awt.Color;

import javafx.scene.layout.StackPane;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.notmono.training.monitor.EvalResult;

/**
 * An evaluation's chart rows as bars (the ASA benchmark's levels and overall accuracy), one
 * series per scored system with its legend; hidden when the result has no chart rows.
 */
final class EvalChart extends StackPane {
    private final DefaultCategoryDataset data = new DefaultCategoryDataset();
    private final NumberAxis values = new NumberAxis();
    private final JFreeChart chart;

    EvalChart() {
        setId("eval-chart");
        BarRenderer bars = new BarRenderer();
        bars.setShadowVisible(false);
        bars.setBarPainter(new StandardBarPainter());
        bars.setMaximumBarWidth(0.12);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("level"), values, bars);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setPrefSize(420, 240);
        getChildren().add(viewer);
        show(null);
    }

    /** Draws {@code r}'s chart rows, or hides the chart. */
    void show(EvalResult r) {
        data.clear();
        boolean any = r != null && !r.chart().isEmpty();
        setVisible(any);
        setManaged(any);
        if (!any) {
            return;
        }
        values.setLabel(r.valueLabel());
        if (r.valueLabel().contains("%")) {
            values.setRange(0, 100);
        } else {
            values.setAutoRange(true);
        }
        for (EvalResult.Row row : r.chart()) {
            for (int i = 0; i < r.systems().size(); i++) {
                double v = row.values().get(i);
                data.addValue(Double.isFinite(v) ? v : null, r.systems().get(i), row.metric());
            }
        }
    }

    /** The chart, for tests and export. */
    JFreeChart chart() {
        return chart;
    }
}
