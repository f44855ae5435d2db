package org.notmono.training.monitor.ui;

import java.util.Locale;
import java.util.Objects;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.notmono.fx.KeyBinding;
import org.notmono.training.sapo.RolloutRecord;

/**
 * SAPO rollouts of the focused Stage 4 run: the sampled questions (step, family, mean reward) on
 * the left, filterable by family; on the right the selected question's prompt and its G answers
 * with the option each names, every reward part, the total and the advantage (positive: reinforced,
 * negative: discouraged).
 */
public final class RolloutsView extends BorderPane {
    private static final String NAMES_TIP = "The option this answer names: the one the policy finds likeliest after its text"
            + " (decision 0004); its accuracy reward compares this with the right answer";

    public RolloutsView(RolloutsViewModel model) {
        setId("rollouts-view");
        ComboBox<String> family = new ComboBox<>(model.families());
        family.setId("rollouts-family");
        family.valueProperty().bindBidirectional(model.familyProperty());
        family.setTooltip(new Tooltip("Show the questions of one task family"));
        Button reload = new Button("Reload");
        reload.setId("rollouts-reload");
        reload.setTooltip(new Tooltip("Read rollouts.jsonl again (" + KeyBinding.ROLLOUTS_RELOAD.combination().getDisplayText() + ")"));
        reload.setOnAction(e -> model.refresh());
        Label summary = new Label();
        summary.setId("rollouts-summary");
        summary.textProperty().bind(model.summaryProperty());
        HBox top = new HBox(8, new Label("Family:"), family, reload, summary);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(4));
        setTop(top);

        TableView<RolloutRecord> questions = new TableView<>(model.questions());
        questions.setId("rollouts-questions");
        questions.setPlaceholder(new Label("Select a Stage 4 run to see its sampled rollouts"));
        questions.getColumns().add(column("step", 60, r -> Long.toString(r.step())));
        questions.getColumns().add(column("family", 130, RolloutRecord::family));
        questions.getColumns().add(column("question", 220, r -> r.question().lines().findFirst().orElse("")));
        questions.getColumns().add(column("mean reward", 90, r -> number(r.answers().stream().mapToDouble(RolloutRecord.Answer::reward)
                .average().orElse(Double.NaN))));
        questions.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.selectedProperty().set(b);
            }
        });
        model.selectedProperty().addListener((o, a, b) -> {
            if (b != questions.getSelectionModel().getSelectedItem()) {
                questions.getSelectionModel().select(b);
            }
        });

        TextArea prompt = new TextArea();
        prompt.setId("rollouts-prompt");
        prompt.setEditable(false);
        prompt.setWrapText(true);
        prompt.setPrefRowCount(5);
        model.selectedProperty().addListener((o, a, b) -> prompt.setText(b == null ? ""
                : b.question() + "\n\nright answer: " + b.truth() + "   prompt " + b.promptId() + "   step " + b.step()));

        TableView<RolloutRecord.Answer> answers = new TableView<>(model.answers());
        answers.setId("rollouts-answers");
        answers.setPlaceholder(new Label("Select a question"));
        answers.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Runnable columns = () -> {
            answers.getColumns().clear();
            answers.getColumns().add(answerColumn("advantage", 80, a -> signed(a.advantage())));
            answers.getColumns().add(answerColumn("reward", 70, a -> number(a.reward())));
            TableColumn<RolloutRecord.Answer, String> names = answerColumn("names", 60, a -> Objects.toString(a.named(), ""));
            names.setId("rollouts-names");
            answers.getColumns().add(explained(names, NAMES_TIP));
            for (String part : model.parts()) {
                answers.getColumns().add(answerColumn(part, 80, a -> number(a.parts().getOrDefault(part, Double.NaN))));
            }
            answers.getColumns().add(answerColumn("answer", 600, a -> a.text().replace('\n', ' ')));
        };
        model.parts().addListener((ListChangeListener<String>) c -> columns.run());
        columns.run();
        TextArea answerText = new TextArea();
        answerText.setId("rollouts-answer-text");
        answerText.setEditable(false);
        answerText.setWrapText(true);
        answerText.setPrefRowCount(4);
        answers.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> answerText.setText(b == null ? "" : b.text()));
        VBox detail = new VBox(4, prompt, answers, answerText);
        VBox.setVgrow(answers, Priority.ALWAYS);
        detail.setPadding(new Insets(4));
        SplitPane split = new SplitPane(questions, detail);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.38);
        setCenter(split);
        // F5 reloads; Shortcut+Shift+F focuses the family filter (the tab itself is reachable with the keyboard)
        sceneProperty().addListener((o, old, now) -> {
            if (old != null) {
                old.getAccelerators().remove(KeyBinding.ROLLOUTS_RELOAD.combination());
                old.getAccelerators().remove(KeyBinding.ROLLOUTS_FAMILY.combination());
            }
            if (now != null) {
                now.getAccelerators().put(KeyBinding.ROLLOUTS_RELOAD.combination(), whenShown(now, model::refresh));
                now.getAccelerators().put(KeyBinding.ROLLOUTS_FAMILY.combination(), whenShown(now, family::requestFocus));
            }
        });
    }

    /**
     * {@code action}, only while this tab is on screen in {@code scene}: the window's accelerators reach every workspace,
     * and a tab pane keeps its other tabs' content in the window, hidden.
     */
    private Runnable whenShown(Scene scene, Runnable action) {
        return () -> {
            if (getScene() != scene) {
                return;
            }
            for (Node n = this; n != null; n = n.getParent()) {
                if (!n.isVisible()) {
                    return;
                }
            }
            action.run();
        };
    }

    private static TableColumn<RolloutRecord, String> column(String title, double width,
                                                            java.util.function.Function<RolloutRecord, String> value) {
        TableColumn<RolloutRecord, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<RolloutRecord.Answer, String> answerColumn(String title, double width,
                                                                          java.util.function.Function<RolloutRecord.Answer, String> value) {
        TableColumn<RolloutRecord.Answer, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** Shows a column's title as a label with {@code tip}, since a column header has no tooltip of its own. */
    private static <S> TableColumn<S, String> explained(TableColumn<S, String> column, String tip) {
        Label title = new Label(column.getText());
        title.setTooltip(new Tooltip(tip));
        column.setGraphic(title);
        column.setText("");
        return column;
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "-";
    }

    private static String signed(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.3f", v) : "-";
    }
}
