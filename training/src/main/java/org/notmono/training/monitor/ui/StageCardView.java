package org.notmono.training.monitor.ui;

import java.util.LinkedHashMap;
import java.util.Map;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.notmono.training.monitor.StageInput;

/**
 * A stage's card, built from its spec: preset (or a config file), the config fields grouped by
 * section (each with its unit and range; a wrong value turns red and says why), the folders and
 * files it reads with Browse, Generate, and a chooser of the previous stage's checkpoints, the
 * device, the exact command, and Launch.
 */
public final class StageCardView extends TitledPane {
    /** The preset choice that opens a config file. */
    static final String FROM_FILE = "from file...";
    private final StageCardViewModel card;

    public StageCardView(StageCardViewModel card, TrainingViewModel model, TrainingDialogs dialogs) {
        this.card = card;
        String id = card.spec().id();
        setText(card.spec().title());
        setId("card-" + id);
        setExpanded(card == model.cards().getFirst()); // one card open at first; the others open on a click on their title
        Label summary = new Label(card.spec().summary());
        summary.setWrapText(true);
        ComboBox<String> preset = new ComboBox<>();
        preset.setId(id + "-preset");
        preset.getItems().setAll(card.presetChoices());
        preset.getItems().add(FROM_FILE);
        preset.setValue(card.presetProperty().get());
        preset.setMaxWidth(260);
        preset.valueProperty().addListener((o, a, b) -> {
            if (FROM_FILE.equals(b)) {
                Platform.runLater(() -> {
                    preset.setValue(a);
                    dialogs.chooseFileToOpen(getScene().getWindow(), "Config JSON, or a run's config.json").ifPresent(f -> {
                        String problem = card.usePresetFile(f);
                        if (problem != null) {
                            model.report("Load config", problem);
                        }
                    });
                });
            } else if (b != null) {
                card.presetProperty().set(b);
            }
        });
        card.presetProperty().addListener((o, a, b) -> preset.setValue(b));
        card.presetChoices().addListener((javafx.collections.ListChangeListener<String>) c -> {
            preset.getItems().setAll(card.presetChoices());
            preset.getItems().add(FROM_FILE); // "from file..." stays last
            preset.setValue(card.presetProperty().get());
        });
        Label edited = new Label("edited: Launch writes a config file");
        edited.getStyleClass().add("field-unit");
        edited.visibleProperty().bind(card.editedProperty());
        edited.managedProperty().bind(edited.visibleProperty()); // hidden, it takes no room from "Preset"
        Label presetLabel = new Label("Preset");
        presetLabel.setId(id + "-preset-label");
        presetLabel.setLabelFor(preset);
        presetLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox presetRow = new HBox(6, presetLabel, preset, edited);
        presetRow.setAlignment(Pos.CENTER_LEFT);

        VBox sections = new VBox(4);
        Map<String, GridPane> grids = new LinkedHashMap<>();
        for (StageCardViewModel.Field f : card.fields()) {
            String[] path = f.spec().pointer().split("/");
            String section = path.length > 2 ? path[1] : path[1].equals("threads") ? "engine" : "";
            GridPane grid = grids.computeIfAbsent(section, s -> {
                GridPane g = new GridPane(6, 3);
                TitledPane pane = new TitledPane(sectionTitle(s), g);
                pane.setId(id + "-section-" + (s.isEmpty() ? "general" : s));
                pane.setExpanded(grids.isEmpty());
                sections.getChildren().add(pane);
                return g;
            });
            int row = grid.getRowCount();
            TextField text = new TextField();
            text.setId(id + "-field" + f.spec().pointer().replace('/', '-'));
            text.setPrefColumnCount(6);
            text.textProperty().bindBidirectional(f.text());
            Label unit = new Label(f.spec().unit());
            unit.getStyleClass().add("field-unit");
            unit.setMinWidth(Region.USE_PREF_SIZE);
            text.setTooltip(new Tooltip("Range: " + f.spec().range()));
            f.errorProperty().addListener((o, a, b) -> {
                text.getStyleClass().remove("field-error");
                if (!b.isEmpty()) {
                    text.getStyleClass().add("field-error");
                }
                text.setTooltip(new Tooltip(b.isEmpty() ? "Range: " + f.spec().range() : b));
            });
            Label label = new Label(f.spec().label());
            label.setTooltip(new Tooltip(f.spec().pointer() + ", " + f.spec().range()));
            // Names and units are read in full; the number field gives up width instead.
            label.setMinWidth(Region.USE_PREF_SIZE);
            grid.addRow(row, label, text, unit);
        }

        GridPane inputs = new GridPane(4, 4);
        for (StageInput in : card.spec().inputs()) {
            addInputRow(inputs, in, dialogs);
        }
        javafx.scene.layout.ColumnConstraints grow = new javafx.scene.layout.ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        inputs.getColumnConstraints().setAll(new javafx.scene.layout.ColumnConstraints(), grow);
        Spinner<Integer> count = new Spinner<>(1, 1_000_000, card.generateCountProperty().get(), 50);
        count.setId(id + "-generate-count");
        count.setEditable(true);
        count.setPrefWidth(100);
        count.valueProperty().addListener((o, a, b) -> card.generateCountProperty().set(b));
        boolean questions = card.spec().inputs().stream().noneMatch(StageInput::dataset);
        Button generate = new Button("Generate...");
        generate.setId(id + "-generate");
        generate.setTooltip(new Tooltip(questions
                ? "Render this many random scenes (notmono dataset) into a folder you choose and make multiple-choice questions on them (notmono qa --kind mcq)"
                : "Render this many random scenes (notmono dataset) into a folder you choose, as training data"));
        generate.setOnAction(e -> dialogs.chooseFolder(getScene().getWindow(), "Folder for the generated scenes")
                .ifPresent(dir -> model.generate(card, dir, 1, seconds())));
        // Wraps in a narrow card rather than cutting its words short.
        FlowPane generateRow = new FlowPane(4, 4, new Label("or generate"), count,
                new Label(questions ? "scenes and questions" : "scenes"), generate);
        generateRow.setAlignment(Pos.CENTER_LEFT);
        boolean canGenerate = card.spec().inputs().stream().anyMatch(in -> in.dataset() || in.kind() == StageInput.Kind.QUESTIONS);
        generateRow.setVisible(canGenerate);
        generateRow.setManaged(canGenerate);

        ComboBox<String> device = new ComboBox<>();
        device.setId(id + "-device");
        device.getItems().setAll(StageCardViewModel.DEVICES);
        device.valueProperty().bindBidirectional(card.deviceProperty());
        device.setDisable(!card.spec().deviceOption());
        Label deviceNote = new Label(card.spec().deviceOption() ? "" : "this command picks its own device");
        deviceNote.getStyleClass().add("field-unit");
        HBox deviceRow = new HBox(6, new Label("Device"), device, deviceNote);
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

    /** A folder or file the stage reads: a text, a chooser of the previous stage's checkpoints where it takes one, and Browse. */
    private void addInputRow(GridPane grid, StageInput in, TrainingDialogs dialogs) {
        String id = card.spec().id();
        String opt = in.option().replaceFirst("^--", "");
        javafx.scene.control.Control field;
        if (in.kind() == StageInput.Kind.CHECKPOINT) {
            ComboBox<String> box = new ComboBox<>(card.choices(in.option()));
            box.setEditable(true);
            box.getEditor().textProperty().bindBidirectional(card.input(in.option()));
            box.valueProperty().addListener((o, a, b) -> {
                if (b != null) {
                    card.input(in.option()).set(b);
                }
            });
            box.setMaxWidth(Double.MAX_VALUE);
            box.setPromptText(in.hint());
            field = box;
        } else {
            TextField folder = new TextField();
            folder.textProperty().bindBidirectional(card.input(in.option()));
            folder.setPromptText(in.hint());
            field = folder;
        }
        field.setId(id + "-input-" + opt);
        field.setTooltip(new Tooltip(in.option() + ": " + in.hint()));
        Button browse = new Button("Browse...");
        browse.setId(id + "-browse-" + opt);
        browse.setMinWidth(Region.USE_PREF_SIZE);
        boolean file = in.kind() == StageInput.Kind.FILE || in.kind() == StageInput.Kind.QUESTIONS;
        browse.setOnAction(e -> (file ? dialogs.chooseFileToOpen(getScene().getWindow(), in.label())
                : dialogs.chooseFolder(getScene().getWindow(), in.label())).ifPresent(p -> card.input(in.option()).set(p.toString())));
        Label label = new Label(in.label());
        label.setMinWidth(Region.USE_PREF_SIZE);
        grid.addRow(grid.getRowCount(), label, field, browse);
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
            case "" -> "Settings";
            case "engine" -> "Engine";
            case "training" -> "Training";
            case "encoder" -> "Architecture";
            case "loss" -> "Loss weights";
            case "lm" -> "Decoder (Qwen2 shape)";
            case "projector" -> "Projector";
            case "lora" -> "LoRA (Stage 3)";
            case "rewards" -> "Reward weights";
            case "stage0", "stage2", "stage3", "stage4" -> "Stage " + section.substring(5) + " training";
            default -> section;
        };
    }
}
