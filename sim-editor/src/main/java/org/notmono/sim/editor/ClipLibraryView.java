package org.notmono.sim.editor;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.notmono.sim.sources.ClipInfo;

/** The clip chooser: class filter, search, the matching clips, preview, add as a new source or give to the selected one. */
public final class ClipLibraryView extends VBox {

    public ClipLibraryView(ClipLibraryViewModel clips, SceneEditorViewModel editor, ClipPreviewPlayer player) {
        super(4);
        setId("clip-library");
        ComboBox<String> classFilter = new ComboBox<>(clips.classes());
        classFilter.setId("clip-class-filter");
        classFilter.valueProperty().bindBidirectional(clips.classFilterProperty());
        classFilter.setMaxWidth(Double.MAX_VALUE);
        TextField search = new TextField();
        search.setId("clip-search");
        search.setPromptText("search clips, classes, transcripts");
        search.textProperty().bindBidirectional(clips.searchProperty());
        ListView<ClipInfo> list = new ListView<>(clips.visibleClips());
        list.setId("clip-list");
        list.setPrefHeight(160);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ClipInfo item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : ClipLibraryViewModel.label(item));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> clips.chosenProperty().set(b));
        VBox.setVgrow(list, Priority.ALWAYS);
        Button preview = new Button("Preview");
        preview.setId("clip-preview");
        Button add = new Button("Add source");
        add.setId("clip-add-source");
        Button use = new Button("Use for selected");
        use.setId("clip-use");
        preview.disableProperty().bind(clips.chosenProperty().isNull());
        add.disableProperty().bind(clips.chosenProperty().isNull());
        use.disableProperty().bind(Bindings.or(clips.chosenProperty().isNull(), editor.sourceSelectedProperty().not()));
        preview.setOnAction(e -> player.play(clips.chosenProperty().get()));
        add.setOnAction(e -> editor.addSource(clips.chosenProperty().get()));
        use.setOnAction(e -> editor.useClipForSelection(clips.chosenProperty().get()));
        HBox buttons = new HBox(4, preview, add, use);
        getChildren().addAll(new Label("Clip library"), classFilter, search, list, buttons);
    }
}
