package org.notmono.sim.editor;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.controlsfx.property.editor.PropertyEditor;
import org.notmono.sim.scene.Scene;

/**
 * The property sheet editor of one {@link SceneField}: a text field (or a choice box), its unit,
 * and the field's message underneath. Typed text is applied on Enter or when the field loses
 * focus; a rejected value stays in the field with the reason shown, so it can be corrected.
 */
final class FieldEditor implements PropertyEditor<Object> {
    private final SceneEditorViewModel model;
    private final SceneField field;
    private final VBox node;
    private final Control input;
    private final ChangeListener<Scene> sceneListener;
    /** The text in the field was rejected: keep it for correcting until a value is accepted. */
    private boolean rejected;
    /** The scene value the field last showed: text that differs from it is the user's typing. */
    private String shown = "";

    FieldEditor(SceneEditorViewModel model, SceneField field) {
        this.model = model;
        this.field = field;
        String id = field.id().replace('.', '-');
        input = field.isChoice() ? choice() : text();
        input.setId("field-" + id);
        input.setTooltip(new Tooltip(field.description()));
        Label unit = new Label(field.unit());
        unit.setId("unit-" + id);
        unit.setMinWidth(28);
        HBox row = new HBox(4, input, unit);
        row.setAlignment(Pos.BASELINE_LEFT); // the unit reads on the line of the value, not level with the field's top edge
        HBox.setHgrow(input, Priority.ALWAYS);
        Label message = new Label();
        message.setId("message-" + id);
        message.getStyleClass().add("field-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageFor(field.id()));
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        node = new VBox(2, row, message);
        sceneListener = (o, a, b) -> show(b);
        // weak: the sheet drops editors when the selection changes
        model.sceneProperty().addListener(new javafx.beans.value.WeakChangeListener<>(sceneListener));
        show(model.scene());
    }

    private TextField text() {
        TextField t = new TextField();
        t.setPromptText(field.description()); // says the format where the value is empty (a static source's trajectory)
        t.setOnAction(e -> commit(t.getText()));
        t.focusedProperty().addListener((o, was, now) -> {
            if (!now && typed(t)) {
                commit(t.getText());
            }
        });
        return t;
    }

    private ComboBox<String> choice() {
        ComboBox<String> c = new ComboBox<>();
        c.getItems().setAll(field.choices());
        c.setOnAction(e -> {
            if (c.getValue() != null && !c.getValue().equals(field.value(model.history().scene()))) {
                String chosen = c.getValue();
                // the sheet may rebuild its editors as a result: do not do it inside the combo's own event
                Platform.runLater(() -> model.apply(field, chosen));
            }
        });
        return c;
    }

    private boolean typed(TextField t) {
        return rejected || !t.getText().equals(shown);
    }

    private void commit(String text) {
        rejected = !model.apply(field, text);
        if (!rejected && input instanceof TextField t) {
            shown = field.value(model.history().scene());
            t.setText(shown);
        }
    }

    /**
     * Shows the scene's value (after an edit, undo or redo) unless the user has typed text that
     * is not applied yet or was rejected; a focused field that still shows the last value follows
     * the model too, so undo never leaves a stale value to be committed again on focus loss.
     */
    @SuppressWarnings("unchecked")
    private void show(Scene scene) {
        if (!model.fields().contains(field)) {
            return;
        }
        String value;
        try {
            value = field.value(scene);
        } catch (RuntimeException e) {
            return; // the field's source was removed; the sheet is about to drop this editor
        }
        if (input instanceof ComboBox<?> c) {
            ((ComboBox<String>) c).setValue(value);
        } else if (input instanceof TextField t && !(t.isFocused() && typed(t)) && !rejected) {
            shown = value;
            t.setText(value);
        }
    }

    @Override
    public Node getEditor() {
        return node;
    }

    @Override
    public Object getValue() {
        return field.value(model.scene());
    }

    @Override
    public void setValue(Object value) {
        show(model.scene());
    }
}
