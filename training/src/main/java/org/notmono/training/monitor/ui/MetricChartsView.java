package org.notmono.training.monitor.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

import org.notmono.training.monitor.Curve;
import org.notmono.training.monitor.Smoothing;
import org.notmono.training.monitor.XAxis;

/**
 * Every metric of the shown runs as a chart, with the controls they share: a filter, the
 * smoothing weight, the x axis and a log scale. Redraws when the view model says the curves
 * changed (new steps of a shown run, other runs, other settings).
 */
public final class MetricChartsView extends BorderPane {
    private final TrainingViewModel model;
    private final TrainingDialogs dialogs;
    private final FlowPane grid = new FlowPane(8, 8);
    private final Map<String, MetricChart> charts = new LinkedHashMap<>();
    private final Label empty = new Label("No metrics yet: launch a run, or select runs in the table.");
    private final ScrollPane scroll = new ScrollPane(grid);
    /** Key of a chart's property holding what it was last drawn from. */
    private static final Object INPUT = new Object();

    public MetricChartsView(TrainingViewModel model, TrainingDialogs dialogs) {
        this.model = model;
        this.dialogs = dialogs;
        setId("metric-charts");
        TextField filter = new TextField();
        filter.setId("metric-filter");
        filter.setPromptText("filter metrics (e.g. loss, val/)");
        filter.setPrefColumnCount(18); // the default 12 cuts the prompt short
        filter.textProperty().bindBidirectional(model.metricFilterProperty());
        Slider smoothing = new Slider(0, Smoothing.MAX_WEIGHT, model.smoothingProperty().get());
        smoothing.setId("smoothing");
        smoothing.setPrefWidth(160);
        smoothing.valueProperty().bindBidirectional(model.smoothingProperty());
        smoothing.setTooltip(new Tooltip("Exponential moving average weight, bias-corrected (TensorBoard's): 0 shows the raw values"));
        Label weight = new Label();
        weight.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%.3f", model.smoothingProperty().get()), model.smoothingProperty()));
        ComboBox<XAxis> axis = new ComboBox<>();
        axis.setId("x-axis");
        axis.getItems().setAll(XAxis.values());
        axis.valueProperty().bindBidirectional(model.xAxisProperty());
        CheckBox log = new CheckBox("Log scale");
        log.setId("log-scale");
        log.selectedProperty().bindBidirectional(model.logScaleProperty());
        HBox controls = new HBox(8, filter, new Label("Smoothing"), smoothing, weight, new Label("x axis"), axis, log);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.setPadding(new Insets(4));
        setTop(controls);
        grid.setPadding(new Insets(4));
        scroll.setFitToWidth(true);
        scroll.vvalueProperty().addListener((o, a, b) -> drawVisible());
        scroll.viewportBoundsProperty().addListener((o, a, b) -> drawVisible());
        setCenter(scroll);
        model.chartVersionProperty().addListener((o, a, b) -> redraw());
        redraw();
    }

    /** The chart of a metric now shown, or null. */
    public MetricChart chart(String metric) {
        return charts.get(metric);
    }

    /**
     * Brings the charts up to date with the shown runs' histories. Only charts in view are
     * drawn (the others when they scroll into view), and only when their input changed: the
     * shown runs, the settings, or the number of points of that metric (validation metrics
     * change every few hundred steps, not every poll).
     */
    void redraw() {
        List<String> metrics = model.shownMetrics();
        charts.keySet().retainAll(metrics);
        List<MetricChart> ordered = new ArrayList<>();
        for (String metric : metrics) {
            ordered.add(charts.computeIfAbsent(metric, m -> {
                MetricChart chart = new MetricChart(m, this::export);
                // a chart moved into view by layout (the window resized, charts added) is drawn then
                chart.layoutYProperty().addListener((o, a, b) -> drawVisible());
                return chart;
            }));
        }
        if (ordered.isEmpty()) {
            grid.getChildren().setAll(empty);
        } else if (!grid.getChildren().equals(ordered)) {
            grid.getChildren().setAll(ordered);
            grid.layout();
        }
        drawVisible();
    }

    /** Draws the charts in view whose input changed since they were last drawn. */
    private void drawVisible() {
        List<RunRow> runs = List.copyOf(model.shown());
        List<String> names = runs.stream().map(RunRow::name).toList();
        List<Integer> colours = runs.stream().map(RunRow::colour).toList();
        List<Long> boundaries = new ArrayList<>();
        runs.forEach(r -> boundaries.addAll(r.history().stageBoundaries()));
        Bounds view = scroll.localToScene(scroll.getLayoutBounds());
        for (MetricChart chart : charts.values()) {
            if (getScene() != null && !view.intersects(chart.localToScene(chart.getLayoutBounds()))) {
                continue;
            }
            List<Object> input = new ArrayList<>(List.of(names, colours, model.xAxisProperty().get(),
                    model.smoothingProperty().get(), model.logScaleProperty().get(), boundaries));
            runs.forEach(r -> input.add(r.history().version(chart.metric())));
            if (input.equals(chart.getProperties().get(INPUT))) {
                continue;
            }
            chart.getProperties().put(INPUT, input);
            List<Curve> curves = runs.stream().map(r -> Curve.of(r.history(), chart.metric(), model.xAxisProperty().get(),
                    model.smoothingProperty().get(), model.logScaleProperty().get(), MetricChart.BUCKETS)).toList();
            chart.show(names, curves, colours, model.xAxisProperty().get(), model.logScaleProperty().get(), boundaries);
        }
    }

    private void export(MetricChart chart, boolean csv) {
        String stem = chart.metric().replaceAll("[^A-Za-z0-9_]+", "-");
        Optional<Path> file = dialogs.chooseFileToSave(getScene().getWindow(), csv ? "Export CSV" : "Export PNG",
                stem + (csv ? ".csv" : ".png"));
        file.ifPresent(f -> {
            try {
                if (csv) {
                    model.exportCsv(chart.metric(), f);
                } else {
                    chart.savePng(f);
                }
            } catch (IOException e) {
                model.notices().add("cannot write " + f + ": " + e.getMessage());
            }
        });
    }
}
