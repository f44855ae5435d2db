package org.notmono.training.monitor.ui;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;

import org.notmono.training.monitor.RunState;

/**
 * The runs under the watched folder: name (in its chart colour), stage, status, step with a
 * progress bar, ETA and the latest headline metrics; Stop, Resume, Delete, Open folder and
 * Compare act on the selection. Launches still preparing their data are listed below.
 */
public final class RunsTableView extends BorderPane {
    private final TableView<RunRow> table = new TableView<>();

    public RunsTableView(TrainingViewModel model, TrainingDialogs dialogs) {
        setId("runs-view");
        table.setId("runs-table");
        table.setItems(model.runs());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No runs in this folder yet. Launch one from a stage card, or run 'notmono train stage1 ... -o <this folder>'."));
        table.getColumns().add(nameColumn());
        table.getColumns().add(column("Stage", 70, r -> r.stageProperty().get()));
        table.getColumns().add(statusColumn());
        table.getColumns().add(progressColumn());
        table.getColumns().add(column("ETA", 90, r -> r.etaProperty().get()));
        table.getColumns().add(column("Last metrics", 330, r -> r.lastMetricsProperty().get()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunRow>) c ->
                model.selected().setAll(List.copyOf(table.getSelectionModel().getSelectedItems())));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> model.focusedProperty().set(b));
        // the cells show numbers of the rows that change in place: one refresh per poll
        model.rowsVersionProperty().addListener((o, a, b) -> table.refresh());

        Button stop = button("run-stop", "Stop", "Ask the run to stop: it writes a checkpoint first (SIGTERM)");
        Button resume = button("run-resume", "Resume", "Continue from the last checkpoint; the step count goes on (a run with none starts over in its folder)");
        Button delete = button("run-delete", "Delete...", "Delete the run folder");
        Button open = button("run-open", "Open folder", "Show the run folder");
        Button compare = button("run-compare", "Compare", "Configs of the selected runs side by side");
        var focused = model.focusedProperty();
        ObjectBinding<RunState> state = Bindings.select(focused, "state");
        stop.disableProperty().bind(Bindings.createBooleanBinding(() -> state.get() != RunState.RUNNING, state));
        resume.disableProperty().bind(Bindings.createBooleanBinding(
                () -> state.get() == null || state.get().isActive() || state.get() == RunState.FINISHED, state));
        delete.disableProperty().bind(focused.isNull());
        open.disableProperty().bind(focused.isNull());
        compare.disableProperty().bind(Bindings.size(model.selected()).lessThan(2));
        stop.setOnAction(e -> model.stop(focused.get()));
        resume.setOnAction(e -> {
            String loss = model.resumeLoss(focused.get());
            if (loss == null || dialogs.confirm(getScene().getWindow(), loss)) {
                model.resume(focused.get());
            }
        });
        delete.setOnAction(e -> deleteFocused(model, dialogs));
        open.setOnAction(e -> dialogs.openFolder(focused.get().dir()));
        compare.setOnAction(e -> model.compare(List.copyOf(model.selected())));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && focused.get() != null) {
                deleteFocused(model, dialogs);
            }
        });
        Label message = new Label();
        message.setId("run-message");
        message.textProperty().bind(Bindings.selectString(focused, "message"));
        HBox actions = new HBox(6, stop, resume, delete, open, compare, message);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPadding(new Insets(4));

        ListView<TrainingViewModel.Launch> launches = new ListView<>(model.launches());
        launches.setId("launches");
        launches.setPrefHeight(52);
        launches.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(TrainingViewModel.Launch item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : "Preparing " + item.title() + " (pid " + item.pid() + "): " + item.lastLine());
            }
        });
        javafx.scene.control.MenuItem cancel = new javafx.scene.control.MenuItem("Stop this launch");
        cancel.setOnAction(e -> {
            TrainingViewModel.Launch l = launches.getSelectionModel().getSelectedItem();
            if (l != null) {
                model.cancel(l);
            }
        });
        launches.setContextMenu(new javafx.scene.control.ContextMenu(cancel));
        launches.setTooltip(new javafx.scene.control.Tooltip("Right-click a launch to stop it while it prepares its data"));
        launches.visibleProperty().bind(Bindings.isNotEmpty(model.launches()));
        launches.managedProperty().bind(launches.visibleProperty());
        setTop(actions);
        setCenter(table);
        setBottom(launches);
    }

    private void deleteFocused(TrainingViewModel model, TrainingDialogs dialogs) {
        RunRow run = model.focusedProperty().get();
        if (dialogs.confirm(getScene().getWindow(), "Delete the run folder " + run.dir() + " with its checkpoints and metrics?")) {
            model.delete(run);
        }
    }

    private static Button button(String id, String text, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new javafx.scene.control.Tooltip(tip));
        return b;
    }

    private static TableColumn<RunRow, String> column(String title, double width, java.util.function.Function<RunRow, String> value) {
        TableColumn<RunRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    private static TableColumn<RunRow, RunRow> nameColumn() {
        TableColumn<RunRow, RunRow> c = new TableColumn<>("Run");
        c.setPrefWidth(220);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(RunRow r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Rectangle swatch = new Rectangle(10, 10);
                swatch.setStyle("-fx-fill: " + RunColours.css(r.colour()) + ";");
                setGraphic(swatch);
                setText(r.name());
            }
        });
        return c;
    }

    private static TableColumn<RunRow, RunRow> statusColumn() {
        TableColumn<RunRow, RunRow> c = new TableColumn<>("Status");
        c.setPrefWidth(80);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(RunRow r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().removeIf(s -> s.startsWith("run-state-"));
                if (empty || r == null) {
                    setText(null);
                    return;
                }
                setText(r.stateProperty().get().label());
                getStyleClass().add("run-state-" + r.stateProperty().get().label());
            }
        });
        return c;
    }

    private static TableColumn<RunRow, RunRow> progressColumn() {
        TableColumn<RunRow, RunRow> c = new TableColumn<>("Step");
        c.setPrefWidth(170);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();
            private final Label text = new Label();
            private final StackPane stack = new StackPane(bar, text);

            {
                bar.setMaxWidth(Double.MAX_VALUE);
                text.getStyleClass().add("run-progress-text"); // on its own chip: it reads over the bar, the track and a selected row
            }

            @Override
            protected void updateItem(RunRow r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setGraphic(null);
                    return;
                }
                bar.setProgress(Math.max(0, r.progressProperty().get()));
                long total = r.totalStepsProperty().get();
                text.setText(r.stepProperty().get() + (total > 0 ? " / " + total : ""));
                setGraphic(stack);
            }
        });
        return c;
    }
}
