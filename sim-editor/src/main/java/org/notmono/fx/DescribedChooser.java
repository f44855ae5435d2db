package org.notmono.fx;

import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;

/**
 * A combo box over a few named choices that each explain themselves: every item is shown by its
 * name with its description as the item's tooltip, and the box's own tooltip describes the chosen
 * one, so a researcher can read what each choice means before picking it.
 */
public final class DescribedChooser {
    private DescribedChooser() {
    }

    /**
     * A combo box with node id {@code id} offering {@code items}, bound both ways to {@code value}.
     *
     * @param name how an item is shown
     * @param description what an item means, in a sentence (its tooltip)
     */
    public static <T> ComboBox<T> of(String id, T[] items, ObjectProperty<T> value, Function<T, String> name,
                                     Function<T, String> description) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(items);
        box.valueProperty().bindBidirectional(value);
        box.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : name.apply(item));
                setTooltip(empty || item == null ? null : new Tooltip(description.apply(item)));
            }
        });
        box.setButtonCell(box.getCellFactory().call(null));
        Tooltip chosen = new Tooltip();
        chosen.textProperty().bind(Bindings.createStringBinding(() -> value.get() == null ? "" : description.apply(value.get()), value));
        box.setTooltip(chosen);
        return box;
    }
}
