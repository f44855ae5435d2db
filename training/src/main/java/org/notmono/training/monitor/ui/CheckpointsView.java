package org.notmono.training.monitor.ui;

import java.util.List;
import java.util.Locale;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.notmono.fx.DescribedChooser;
import org.notmono.model.chat.OptionChoice;
import org.notmono.training.monitor.EvalResult;
import org.notmono.training.asa.LalmAnswerer;
import org.notmono.training.monitor.RunHistory;
import org.notmono.training.monitor.StageCatalog;
import org.notmono.training.monitor.StageSpec;

/**
 * The focused run's checkpoints with the headline metrics logged at their step; Evaluate one (a
 * child process: an encoder on a held-out dataset, a LALM on the ASA benchmark answered by the
 * chosen answerer, by the likeliest option or the written letter; the result fills the table
 * and, for the benchmark, a bar chart) or use it in Listen & View or Chat.
 */
public final class CheckpointsView extends BorderPane {
    private final ObservableList<Long> steps = FXCollections.observableArrayList();

    public CheckpointsView(TrainingViewModel model, TrainingDialogs dialogs) {
        setId("checkpoints-view");
        ListView<Long> list = new ListView<>(steps);
        list.setId("checkpoint-list");
        list.setPlaceholder(new Label("Select a run with checkpoints"));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Long step, boolean empty) {
                super.updateItem(step, empty);
                RunRow run = model.focusedProperty().get();
                setText(empty || step == null || run == null ? null : describe(run, step));
            }
        });
        ListChangeListener<Long> follow = c -> steps.setAll(model.focusedProperty().get().checkpoints().reversed());
        model.focusedProperty().addListener((o, a, b) -> {
            if (a != null) {
                a.checkpoints().removeListener(follow);
            }
            steps.setAll(b == null ? List.of() : b.checkpoints().reversed());
            if (b != null) {
                b.checkpoints().addListener(follow);
            }
        });
        Button evaluate = new Button("Evaluate...");
        evaluate.setId("checkpoint-evaluate");
        Button use = new Button();
        use.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> "Use in " + TrainingViewModel.usedIn(model.focusedProperty().get()), model.focusedProperty()));
        use.setId("checkpoint-use");
        evaluate.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        use.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        evaluate.setOnAction(e -> {
            RunRow run = model.focusedProperty().get();
            StageSpec spec = StageCatalog.byId(run.stageProperty().get());
            long step = list.getSelectionModel().getSelectedItem();
            dialogs.chooseFolder(getScene().getWindow(), "Evaluate on: " + (spec == null ? "a dataset" : spec.evalDataLabel()))
                    .ifPresent(data -> model.evaluate(run, step, data));
        });
        use.setOnAction(e -> model.use(model.focusedProperty().get(), list.getSelectionModel().getSelectedItem()));
        HBox actions = new HBox(6, benchmarkChoices(model), evaluate, use);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPadding(new Insets(4));

        TableView<EvalResult.Row> table = new TableView<>();
        table.setId("eval-table");
        table.setPlaceholder(new Label("Evaluate a checkpoint to see its metrics here"));
        Label title = new Label();
        title.setId("eval-title");
        title.textProperty().bind(model.evalTitleProperty());
        EvalChart chart = new EvalChart();
        model.evalResultProperty().addListener((o, a, r) -> {
            fill(table, r);
            chart.show(r);
        });
        VBox results = new VBox(4, title, table, chart);
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
        results.setPadding(new Insets(4));
        list.setPrefWidth(340);
        setTop(actions);
        setLeft(list);
        setCenter(results);
    }

    /**
     * Who answers the ASA benchmark and how its option is named, shown for LALM checkpoints; each
     * item's description is its tooltip.
     */
    private static HBox benchmarkChoices(TrainingViewModel model) {
        ComboBox<LalmAnswerer> answerer = DescribedChooser.of("eval-answerer", LalmAnswerer.values(), model.evalAnswererProperty(),
                LalmAnswerer::id, LalmAnswerer::description);
        ComboBox<OptionChoice> choice = DescribedChooser.of("eval-choice", OptionChoice.values(), model.evalChoiceProperty(),
                OptionChoice::label, OptionChoice::description);
        Label answererLabel = new Label("Answerer");
        answererLabel.setLabelFor(answerer);
        Label choiceLabel = new Label("Answer by");
        choiceLabel.setLabelFor(choice);
        HBox row = new HBox(6, answererLabel, answerer, choiceLabel, choice);
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(model.evalAnswererOfferedBinding());
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private static String describe(RunRow run, long step) {
        RunHistory h = run.history();
        int i = h.indexOf(step);
        StringBuilder b = new StringBuilder("step-" + step);
        if (i >= 0) {
            for (String m : List.of("train/loss", "val/loss", "val/count_accuracy", "reward/total")) {
                double v = h.value(m, i);
                if (Double.isFinite(v)) {
                    b.append(String.format(Locale.ROOT, "   %s %.4g", m, v));
                }
            }
        }
        return b.toString();
    }

    private static void fill(TableView<EvalResult.Row> table, EvalResult r) {
        table.getColumns().clear();
        if (r == null) {
            table.getItems().clear();
            return;
        }
        TableColumn<EvalResult.Row, String> metric = new TableColumn<>("metric");
        metric.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().metric()));
        metric.setPrefWidth(200);
        table.getColumns().add(metric);
        for (int i = 0; i < r.systems().size(); i++) {
            int k = i;
            TableColumn<EvalResult.Row, String> c = new TableColumn<>(r.systems().get(i));
            c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().cells().get(k)));
            c.setPrefWidth(110);
            table.getColumns().add(c);
        }
        table.getItems().setAll(r.rows());
    }
}
