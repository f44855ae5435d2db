package org.notmono.training.monitor.ui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

import org.notmono.training.monitor.ConfigDiff;

/**
 * The configs of the compared runs side by side, one row per setting; settings that differ are
 * highlighted, and "only differences" hides the rest. Their curves overlay in the charts.
 */
public final class CompareView extends BorderPane {
    public CompareView(TrainingViewModel model) {
        setId("compare-view");
        FilteredList<ConfigDiff.Row> rows = new FilteredList<>(model.compareRows());
        CheckBox only = new CheckBox("Only differences");
        only.setId("compare-only-differences");
        only.selectedProperty().addListener((o, a, b) -> rows.setPredicate(b ? ConfigDiff.Row::differs : null));
        TableView<ConfigDiff.Row> table = new TableView<>(rows);
        table.setId("compare-table");
        table.setPlaceholder(new Label("Select two or more runs in the table and press Compare"));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ConfigDiff.Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("config-differs");
                if (!empty && row != null && row.differs()) {
                    getStyleClass().add("config-differs");
                }
            }
        });
        model.compareRuns().addListener((ListChangeListener<String>) c -> {
            table.getColumns().clear();
            TableColumn<ConfigDiff.Row, String> key = new TableColumn<>("setting");
            key.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().key()));
            key.setPrefWidth(260);
            table.getColumns().add(key);
            for (int i = 0; i < model.compareRuns().size(); i++) {
                int k = i;
                TableColumn<ConfigDiff.Row, String> run = new TableColumn<>(model.compareRuns().get(i));
                run.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().values().get(k)));
                run.setPrefWidth(200);
                table.getColumns().add(run);
            }
        });
        HBox top = new HBox(8, only, new Label("Rows that differ are highlighted; the charts overlay the selected runs."));
        top.setPadding(new Insets(4));
        setTop(top);
        setCenter(table);
    }
}
