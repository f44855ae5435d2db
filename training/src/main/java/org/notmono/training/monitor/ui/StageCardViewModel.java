package org.notmono.training.monitor.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.fasterxml.jackson.databind.JsonNode;
import org.notmono.training.monitor.ConfigField;
import org.notmono.training.monitor.ConfigForm;
import org.notmono.training.monitor.InputCheck;
import org.notmono.training.monitor.NotMonoCli;
import org.notmono.training.monitor.StageInput;
import org.notmono.training.monitor.StageSpec;

/**
 * A stage's card: a preset (or a config file), one text per config field (checked as it is
 * typed: number, whole number, range, then the stage's own rules), the folders and files the
 * stage reads (checked as the command would: a held-out dataset is refused, a start checkpoint
 * must be of the stage before), the device, and the command that Launch will run.
 */
public final class StageCardViewModel {
    /** Devices offered; each is passed as {@code --device}, so auto means the command's auto (a GPU when the engine sees one). */
    public static final List<String> DEVICES = List.of("auto", "cpu", "gpu");
    /** Shown in place of the config file Launch writes when fields differ from the preset. */
    static final String WRITTEN_CONFIG = "<config.json>";

    private final StageSpec spec;
    private final StringProperty preset = new SimpleStringProperty();
    private final ObservableList<String> presetChoices = FXCollections.observableArrayList();
    private final List<Field> fields = new ArrayList<>();
    private final Map<String, StringProperty> inputs = new LinkedHashMap<>();
    private final Map<String, ObservableList<String>> choices = new LinkedHashMap<>();
    private final StringProperty device = new SimpleStringProperty(initialDevice());
    private final IntegerProperty generateCount = new SimpleIntegerProperty(200);
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper edited = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper command = new ReadOnlyStringWrapper("");
    private final BooleanBinding launchable;
    private ConfigForm form;
    private String presetProblem = "";

    /** One field of the form. */
    public record Field(ConfigField spec, StringProperty text, ReadOnlyStringWrapper error) {
        public ReadOnlyStringProperty errorProperty() {
            return error.getReadOnlyProperty();
        }
    }

    /** What the user set for every command ({@code NOTMONO_DEVICE}), else the CPU as the commands default to. */
    private static String initialDevice() {
        String env = System.getenv("NOTMONO_DEVICE");
        return env == null || env.isBlank() ? "cpu" : env.strip();
    }

    /** @param runsRoot for the command shown, kept current by the workspace */
    StageCardViewModel(StageSpec spec, javafx.beans.value.ObservableValue<Path> runsRoot) {
        this.spec = spec;
        presetChoices.setAll(spec.presets());
        for (ConfigField f : spec.fields()) {
            Field field = new Field(f, new SimpleStringProperty(""), new ReadOnlyStringWrapper(""));
            field.text().addListener((o, a, b) -> check());
            fields.add(field);
        }
        for (StageInput in : spec.inputs()) {
            StringProperty p = new SimpleStringProperty("");
            p.addListener((o, a, b) -> check());
            inputs.put(in.option(), p);
            if (in.kind() == StageInput.Kind.CHECKPOINT) {
                choices.put(in.option(), FXCollections.observableArrayList());
            }
        }
        preset.addListener((o, a, b) -> applyPreset(b));
        preset.set(spec.presets().getFirst());
        launchable = Bindings.createBooleanBinding(() -> formError.get().isEmpty()
                && fields.stream().allMatch(f -> f.error().get().isEmpty()), formError.getReadOnlyProperty());
        command.bind(Bindings.createStringBinding(() -> NotMonoCli.display(
                spec.launchArgs(edited.get() ? WRITTEN_CONFIG : preset.get(), inputValues(), device.get(), runsRoot.getValue())),
                device, runsRoot, preset, edited, formError.getReadOnlyProperty()));
        device.addListener((o, a, b) -> check());
    }

    private void applyPreset(String name) {
        if (name == null) {
            return;
        }
        try {
            form = new ConfigForm(spec, name);
            presetProblem = "";
        } catch (RuntimeException e) {
            presetProblem = "Preset " + name + ": " + e.getMessage();
            check();
            return;
        }
        for (Field f : fields) {
            f.text().set(form.initialText(f.spec()));
        }
        check();
    }

    /**
     * Takes the form's values from a config file (a config JSON, or a run's {@code config.json});
     * the preset becomes the file. Null when it loaded, else why not (the form keeps its values).
     */
    public String usePresetFile(Path file) {
        try {
            new ConfigForm(spec, file.toString());
        } catch (RuntimeException e) {
            return file + ": " + e.getMessage();
        }
        if (!presetChoices.contains(file.toString())) {
            presetChoices.add(file.toString());
        }
        preset.set(file.toString());
        return null;
    }

    private void check() {
        if (form == null) {
            formError.set(presetProblem);
            return;
        }
        Map<String, String> texts = texts();
        Map<String, String> errors = form.errors(texts);
        for (Field f : fields) {
            f.error().set(errors.getOrDefault(f.spec().pointer(), ""));
        }
        edited.set(form.edited(texts));
        JsonNode config = errors.isEmpty() ? form.toJson(texts) : null;
        String first = !presetProblem.isEmpty() ? presetProblem : errors.isEmpty() ? "" : errors.values().iterator().next();
        String input = "";
        for (StageInput in : spec.inputs()) {
            String value = inputs.get(in.option()).get();
            String problem = in.required() && value.isBlank()
                    ? in.label() + ": " + (in.dataset() ? "choose a dataset folder or generate one" : "choose one")
                    : InputCheck.problem(in, value, config);
            if (problem != null) {
                input = problem;
                break;
            }
        }
        formError.set(!first.isEmpty() ? first : input);
    }

    Map<String, String> texts() {
        Map<String, String> t = new LinkedHashMap<>();
        fields.forEach(f -> t.put(f.spec().pointer(), f.text().get()));
        return t;
    }

    Map<String, String> inputValues() {
        Map<String, String> v = new LinkedHashMap<>();
        inputs.forEach((k, p) -> v.put(k, p.get()));
        return v;
    }

    /** The config the form describes; call only when {@link #launchableBinding()} is true. */
    JsonNode config() {
        return form.toJson(texts());
    }

    /**
     * The command line Launch runs; {@code writtenConfig} is the file the config was written to,
     * used only when the fields differ from the preset (else the preset is named).
     */
    public List<String> launchArgs(Path writtenConfig, Path runsRoot) {
        return spec.launchArgs(edited.get() ? writtenConfig.toString() : preset.get(), inputValues(), device.get(), runsRoot);
    }

    /** Offers these checkpoints for a {@link StageInput.Kind#CHECKPOINT} input (the workspace keeps them current). */
    void offer(String option, List<String> checkpoints) {
        ObservableList<String> list = choices.get(option);
        if (!list.equals(checkpoints)) {
            list.setAll(checkpoints);
            check(); // a checkpoint typed before its run wrote it may be there now
        }
    }

    public StageSpec spec() {
        return spec;
    }

    /** A preset name, or the config file the form was loaded from. */
    public StringProperty presetProperty() {
        return preset;
    }

    /** The spec's presets and the config files loaded so far. */
    public ObservableList<String> presetChoices() {
        return presetChoices;
    }

    public List<Field> fields() {
        return fields;
    }

    /** The field at a JSON pointer such as {@code /training/epochs}. */
    public Field field(String pointer) {
        return fields.stream().filter(f -> f.spec().pointer().equals(pointer)).findFirst().orElseThrow();
    }

    /** The folder typed or chosen for an input option such as {@code --data}. */
    public StringProperty input(String option) {
        return inputs.get(option);
    }

    /** The finished checkpoints of the stage a {@link StageInput.Kind#CHECKPOINT} input starts from, newest run first. */
    public ObservableList<String> choices(String option) {
        return choices.get(option);
    }

    public StringProperty deviceProperty() {
        return device;
    }

    /** How many scenes "Generate" renders. */
    public IntegerProperty generateCountProperty() {
        return generateCount;
    }

    /** The first problem that keeps Launch disabled, "" when none. */
    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    /** The fields differ from the preset: Launch writes them to a config file and passes {@code --config FILE}. */
    public ReadOnlyBooleanProperty editedProperty() {
        return edited.getReadOnlyProperty();
    }

    public BooleanBinding launchableBinding() {
        return launchable;
    }

    /** The command Launch runs, as a user would type it (a config file it writes shown as {@code <config.json>}). */
    public ReadOnlyStringProperty commandProperty() {
        return command.getReadOnlyProperty();
    }
}
