package org.notmono.app.ui;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.notmono.fx.task.TaskFailure;
import org.notmono.fx.task.TaskHandle;
import org.notmono.fx.task.TaskService;

/**
 * The bottom of the window: failures that stay until dismissed, then one line with the status
 * text and each running task (title, progress, cancel button).
 */
public final class StatusBarView extends VBox {
    private final TaskService tasks;
    private final VBox failureRows = new VBox();
    private final HBox taskRow = new HBox(12);

    public StatusBarView(MainViewModel model) {
        this.tasks = model.tasks();
        getStyleClass().add("status-bar");
        Label status = new Label();
        status.setId("status-message");
        status.textProperty().bind(model.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        status.setMinWidth(100);
        HBox.setHgrow(status, Priority.ALWAYS);
        taskRow.setId("status-tasks");
        taskRow.setAlignment(Pos.CENTER_RIGHT);
        HBox line = new HBox(12, status, taskRow);
        line.setAlignment(Pos.CENTER_LEFT);
        line.setPadding(new Insets(3, 8, 3, 8));
        failureRows.setId("status-failures");
        getChildren().addAll(failureRows, line);

        tasks.running().addListener((ListChangeListener<TaskHandle>) c -> rebuildTasks());
        tasks.failures().addListener((ListChangeListener<TaskFailure>) c -> rebuildFailures());
        rebuildTasks();
        rebuildFailures();
    }

    private void rebuildTasks() {
        taskRow.getChildren().setAll(tasks.running().stream().map(this::taskNode).toList());
    }

    private HBox taskNode(TaskHandle handle) {
        Label title = new Label(handle.title());
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(140);
        bar.progressProperty().bind(handle.progressProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(handle.messageProperty());
        bar.setTooltip(tip);
        Button cancel = new Button("Cancel");
        cancel.getStyleClass().add("task-cancel");
        cancel.setOnAction(e -> {
            handle.cancel();
            cancel.setDisable(true);
        });
        HBox box = new HBox(6, title, bar, cancel);
        box.getStyleClass().add("task");
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private void rebuildFailures() {
        failureRows.getChildren().setAll(tasks.failures().stream().map(this::failureNode).toList());
    }

    private HBox failureNode(TaskFailure failure) {
        Label text = new Label(failure.title() + " failed: " + failure.message());
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button dismiss = new Button("Dismiss");
        dismiss.getStyleClass().add("failure-dismiss");
        dismiss.setOnAction(e -> tasks.dismiss(failure));
        Region spacer = new Region();
        HBox row = new HBox(8, text, spacer, dismiss);
        row.getStyleClass().add("failure");
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(4, 8, 4, 8));
        return row;
    }

    /** Number of failures shown (for tests and the title). */
    public int failureCount() {
        return Bindings.size(tasks.failures()).get();
    }
}
