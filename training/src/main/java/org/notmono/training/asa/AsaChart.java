package org.notmono.training.asa;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.notmono.training.qa.Family;

/** The per-family accuracy as a bar chart (PNG, headless AWT), with chance (25%) marked. */
public final class AsaChart {
    private AsaChart() {
    }

    public static void write(AsaReport report, Path png) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Family f : Family.values()) {
            if (!Double.isNaN(report.family(f))) {
                data.addValue(report.family(f), Family.levelName(f.level()), f.title());
            }
        }
        CategoryAxis x = new CategoryAxis("Task family");
        x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        NumberAxis y = new NumberAxis("Accuracy (%)");
        y.setRange(0, 100);
        BarRenderer bars = new BarRenderer();
        bars.setShadowVisible(false);
        bars.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        bars.setItemMargin(-1.5); // one bar per family although the levels are separate series
        CategoryPlot plot = new CategoryPlot(data, x, y, bars);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ValueMarker chance = new ValueMarker(25, Color.DARK_GRAY, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                10, new float[] {6, 4}, 0));
        chance.setLabel("chance 25%");
        chance.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        chance.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(chance);
        JFreeChart chart = new JFreeChart(String.format(java.util.Locale.ROOT, "ASA benchmark: %s, overall %.1f%% (%d items)",
                report.answerer(), report.overall(), report.items()), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1200, 700);
    }
}
