package org.notmono.training.monitor.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import com.fasterxml.jackson.databind.JsonNode;
import org.notmono.training.monitor.ConfigField;
import org.notmono.training.monitor.ConfigForm;
import org.notmono.training.monitor.NotMonoCli;
import org.notmono.training.monitor.StageInput;
import org.notmono.training.monitor.StageSpec;

/**
 * A stage's card: a preset, one text per config field (checked as it is typed: number, whole
 * number, range, then the stage's own rules), the folders the stage reads, the device, and the
 * command that Launch will run.
 */
public final class StageCardViewModel {
    /** Devices offered; the stage's command decides what auto means. */
    public static final List<String> DEVICES = List.of("auto", "cpu", "gpu");

    private final StageSpec spec;
    private final StringProperty preset = new SimpleStringProperty();
    private final List<Field> fields = new ArrayList<>();
    private final Map<String, StringProperty> inputs = new LinkedHashMap<>();
    private final StringProperty device = new SimpleStringProperty("auto");
    private final IntegerProperty generateCount = new SimpleIntegerProperty(200);
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper command = new ReadOnlyStringWrapper("");
    private final BooleanBinding launchable;
    private ConfigForm form;

    /** One field of the form. */
    public record Field(ConfigField spec, StringProperty text, ReadOnlyStringWrapper error) {
        public ReadOnlyStringProperty errorProperty() {
            return error.getReadOnlyProperty();
        }
    }

    /** @param runsRoot for the command shown, kept current by the workspace */
    StageCardViewModel(StageSpec spec, javafx.beans.value.ObservableValue<Path> runsRoot) {
        this.spec = spec;
        for (ConfigField f : spec.fields()) {
            Field field = new Field(f, new SimpleStringProperty(""), new ReadOnlyStringWrapper(""));
            field.text().addListener((o, a, b) -> check());
            fields.add(field);
        }
        for (StageInput in : spec.inputs()) {
            StringProperty p = new SimpleStringProperty("");
            p.addListener((o, a, b) -> check());
            inputs.put(in.option(), p);
        }
        preset.addListener((o, a, b) -> applyPreset(b));
        preset.set(spec.presets().getFirst());
        launchable = Bindings.createBooleanBinding(() -> formError.get().isEmpty()
                && fields.stream().allMatch(f -> f.error().get().isEmpty()), formError.getReadOnlyProperty());
        command.bind(Bindings.createStringBinding(() -> NotMonoCli.display(
                spec.launchArgs(Path.of("<config.json>"), inputValues(), device.get(), runsRoot.getValue())),
                device, runsRoot, formError.getReadOnlyProperty()));
        device.addListener((o, a, b) -> check());
    }

    private void applyPreset(String name) {
        form = new ConfigForm(spec, name);
        for (Field f : fields) {
            f.text().set(form.initialText(f.spec()));
        }
        check();
    }

    private void check() {
        if (form == null) {
            return;
        }
        Map<String, String> errors = form.errors(texts());
        for (Field f : fields) {
            f.error().set(errors.getOrDefault(f.spec().pointer(), ""));
        }
        String first = errors.isEmpty() ? "" : errors.values().iterator().next();
        String missing = spec.inputs().stream().filter(in -> in.required() && inputs.get(in.option()).get().isBlank())
                .map(in -> in.label() + ": choose a dataset folder or generate one").findFirst().orElse("");
        formError.set(!first.isEmpty() ? first : missing);
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

    public StageSpec spec() {
        return spec;
    }

    public StringProperty presetProperty() {
        return preset;
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

    public BooleanBinding launchableBinding() {
        return launchable;
    }

    /** The command Launch runs, as a user would type it (the config file it writes shown as {@code <config.json>}). */
    public ReadOnlyStringProperty commandProperty() {
        return command.getReadOnlyProperty();
    }
}
