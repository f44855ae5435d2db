package org.notmono.training.monitor.ui;

import java.util.LinkedHashMap;
import java.util.Map;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.notmono.training.monitor.StageInput;

/**
 * A stage's card, built from its spec: preset, the config fields grouped by section (each with
 * its unit and range; a wrong value turns red and says why), the data folders with Browse and
 * Generate, the device, the exact command, and Launch.
 */
public final class StageCardView extends TitledPane {
    private final StageCardViewModel card;

    public StageCardView(StageCardViewModel card, TrainingViewModel model, TrainingDialogs dialogs) {
        this.card = card;
        String id = card.spec().id();
        setText(card.spec().title());
        setId("card-" + id);
        setCollapsible(false);
        Label summary = new Label(card.spec().summary());
        summary.setWrapText(true);
        ComboBox<String> preset = new ComboBox<>();
        preset.setId(id + "-preset");
        preset.getItems().setAll(card.spec().presets());
        preset.valueProperty().bindBidirectional(card.presetProperty());
        HBox presetRow = new HBox(6, new Label("Preset"), preset);
        presetRow.setAlignment(Pos.CENTER_LEFT);

        VBox sections = new VBox(4);
        Map<String, GridPane> grids = new LinkedHashMap<>();
        for (StageCardViewModel.Field f : card.fields()) {
            String section = f.spec().pointer().split("/")[1];
            GridPane grid = grids.computeIfAbsent(section, s -> {
                GridPane g = new GridPane(6, 3);
                TitledPane pane = new TitledPane(sectionTitle(s), g);
                pane.setId(id + "-section-" + s);
                pane.setExpanded(grids.isEmpty());
                sections.getChildren().add(pane);
                return g;
            });
            int row = grid.getRowCount();
            TextField text = new TextField();
            text.setId("field" + f.spec().pointer().replace('/', '-'));
            text.setPrefColumnCount(8);
            text.textProperty().bindBidirectional(f.text());
            Label unit = new Label(f.spec().unit());
            unit.getStyleClass().add("field-unit");
            Tooltip range = new Tooltip("Range: " + f.spec().range());
            text.setTooltip(range);
            f.errorProperty().addListener((o, a, b) -> {
                text.getStyleClass().remove("field-error");
                if (!b.isEmpty()) {
                    text.getStyleClass().add("field-error");
                }
                text.setTooltip(new Tooltip(b.isEmpty() ? "Range: " + f.spec().range() : b));
            });
            grid.addRow(row, new Label(f.spec().label()), text, unit);
        }

        VBox inputs = new VBox(4);
        for (StageInput in : card.spec().inputs()) {
            String opt = in.option().replaceFirst("^--", "");
            TextField folder = new TextField();
            folder.setId(id + "-input-" + opt);
            folder.setPromptText(in.required() ? "folder (required)" : "folder (optional)");
            folder.textProperty().bindBidirectional(card.input(in.option()));
            HBox.setHgrow(folder, Priority.ALWAYS);
            Button browse = new Button("Browse...");
            browse.setId(id + "-browse-" + opt);
            browse.setOnAction(e -> dialogs.chooseFolder(getScene().getWindow(), in.label())
                    .ifPresent(p -> card.input(in.option()).set(p.toString())));
            HBox row = new HBox(4, new Label(in.label()), folder, browse);
            row.setAlignment(Pos.CENTER_LEFT);
            inputs.getChildren().add(row);
        }
        Spinner<Integer> count = new Spinner<>(1, 1_000_000, card.generateCountProperty().get(), 50);
        count.setId(id + "-generate-count");
        count.setEditable(true);
        count.setPrefWidth(100);
        count.valueProperty().addListener((o, a, b) -> card.generateCountProperty().set(b));
        Button generate = new Button("Generate scenes...");
        generate.setId(id + "-generate");
        generate.setTooltip(new Tooltip("Render this many random scenes (notmono dataset) into a folder you choose, as training data"));
        generate.setOnAction(e -> dialogs.chooseFolder(getScene().getWindow(), "Folder for the generated scenes")
                .ifPresent(dir -> model.generate(card, dir, 1, seconds())));
        HBox generateRow = new HBox(4, new Label("or generate"), count, new Label("scenes"), generate);
        generateRow.setAlignment(Pos.CENTER_LEFT);

        ComboBox<String> device = new ComboBox<>();
        device.setId(id + "-device");
        device.getItems().setAll(StageCardViewModel.DEVICES);
        device.valueProperty().bindBidirectional(card.deviceProperty());
        device.setDisable(!card.spec().deviceOption());
        HBox deviceRow = new HBox(6, new Label("Device"), device);
        deviceRow.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.setId(id + "-form-error");
        error.getStyleClass().add("form-error");
        error.setWrapText(true);
        error.textProperty().bind(card.formErrorProperty());
        TextField command = new TextField();
        command.setId(id + "-command");
        command.setEditable(false);
        command.textProperty().bind(card.commandProperty());
        command.setTooltip(new Tooltip("The command Launch runs; the same works in a terminal"));
        Button launch = new Button("Launch");
        launch.setId("launch-" + id);
        launch.setDefaultButton(false);
        launch.disableProperty().bind(card.launchableBinding().not());
        launch.setOnAction(e -> model.launch(card));

        VBox content = new VBox(6, summary, presetRow, sections, inputs, generateRow, deviceRow, error, command, launch);
        content.setPadding(new Insets(6));
        setContent(content);
    }

    /** The example length of the form (scenes are generated this long); 4 s when the stage has no such field or it is not a number. */
    private double seconds() {
        try {
            return Double.parseDouble(card.field("/training/windowSeconds").text().get().trim());
        } catch (RuntimeException e) {
            return 4.0;
        }
    }

    private static String sectionTitle(String section) {
        return switch (section) {
            case "training" -> "Training";
            case "encoder" -> "Architecture";
            case "loss" -> "Loss weights";
            default -> section;
        };
    }
}
