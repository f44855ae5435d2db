package org.notmono.sim.editor;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;

import org.controlsfx.control.PropertySheet;

/** The property sheet (ControlsFX) of the selection: typed fields with units and messages, by category. */
public final class ScenePropertiesView extends PropertySheet {
    private final SceneEditorViewModel model;

    public ScenePropertiesView(SceneEditorViewModel model) {
        this.model = model;
        setId("scene-properties");
        setModeSwitcherVisible(false);
        setSearchBoxVisible(false);
        setMode(Mode.CATEGORY);
        // categories in the order the fields list them (room size first), not alphabetically
        setCategoryComparator(Comparator.comparingInt(this::firstIndexOf));
        setPropertyEditorFactory(item -> new FieldEditor(model, ((FieldItem) item).field));
        model.fields().addListener((ListChangeListener<SceneField>) c -> rebuild());
        rebuild();
    }

    private int firstIndexOf(String category) {
        List<SceneField> f = model.fields();
        for (int i = 0; i < f.size(); i++) {
            if (f.get(i).category().equals(category)) {
                return i;
            }
        }
        return f.size();
    }

    private void rebuild() {
        getItems().setAll(model.fields().stream().map(FieldItem::new).toList());
    }

    /** A field as ControlsFX sees it; the editor does the work. */
    private final class FieldItem implements PropertySheet.Item {
        private final SceneField field;

        FieldItem(SceneField field) {
            this.field = field;
        }

        @Override
        public Class<?> getType() {
            return String.class;
        }

        @Override
        public String getCategory() {
            return field.category();
        }

        @Override
        public String getName() {
            return field.name();
        }

        @Override
        public String getDescription() {
            return field.description() + (field.unit().isEmpty() ? "" : " (" + field.unit() + ")");
        }

        @Override
        public Object getValue() {
            return field.value(model.scene());
        }

        @Override
        public void setValue(Object value) {
            model.apply(field, String.valueOf(value));
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.empty();
        }
    }
}
