package org.notmono.sim.editor;

import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.shape.Circle;

import org.notmono.sim.scene.Scene;

/** The scene as a tree: the room, the receiver and the sources; selecting a node selects it in the editor. */
public final class SceneTreeView extends TreeView<Selection> {
    private final SceneEditorViewModel model;
    private boolean updating;

    public SceneTreeView(SceneEditorViewModel model) {
        this.model = model;
        setId("scene-tree");
        setShowRoot(true);
        setCellFactory(t -> new SelectionCell());
        model.sceneProperty().addListener((o, a, b) -> rebuild());
        model.selectionProperty().addListener((o, a, b) -> selectItem(b));
        getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                model.selectionProperty().set(b.getValue());
            }
        });
        rebuild();
    }

    private void rebuild() {
        Scene s = model.scene();
        TreeItem<Selection> root = new TreeItem<>(Selection.ROOM);
        root.setExpanded(true);
        root.getChildren().add(new TreeItem<>(Selection.RECEIVER));
        s.sources().forEach(src -> root.getChildren().add(new TreeItem<>(Selection.source(src.id()))));
        updating = true;
        setRoot(root);
        updating = false;
        selectItem(model.selectionProperty().get());
    }

    private void selectItem(Selection sel) {
        updating = true;
        if (sel.kind() == Selection.Kind.ROOM) {
            getSelectionModel().select(getRoot());
        }
        getRoot().getChildren().stream().filter(i -> i.getValue().equals(sel)).findFirst().ifPresent(i -> getSelectionModel().select(i));
        updating = false;
    }

    private final class SelectionCell extends TreeCell<Selection> {
        @Override
        protected void updateItem(Selection item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setId(null);
                return;
            }
            Scene s = model.scene();
            switch (item.kind()) {
                case ROOM -> {
                    setText(String.format(java.util.Locale.ROOT, "Room %s x %s x %s m", FieldParsing.format(s.room().size().lx()),
                            FieldParsing.format(s.room().size().ly()), FieldParsing.format(s.room().size().lz())));
                    setGraphic(roomIcon());
                }
                case RECEIVER -> {
                    setText("Receiver (FOA)");
                    setGraphic(outlined(new Circle(5, SourceColors.RECEIVER)));
                }
                case SOURCE -> {
                    int i = SceneEdits.indexOf(s, item.sourceId());
                    Scene.Source src = s.sources().get(i);
                    setText(src.id() + "  " + (src.classId() == null ? src.clip() : src.classId()) + (src.isMoving() ? " (moving)" : ""));
                    setGraphic(outlined(new Circle(5, SourceColors.of(i))));
                }
            }
            setId("tree-" + (item.isSource() ? "source-" + item.sourceId() : item.kind().name().toLowerCase(java.util.Locale.ROOT)));
        }

        /** A floor plan square in the theme's text colour (CSS), so it reads on both themes. */
        private static javafx.scene.Node roomIcon() {
            javafx.scene.shape.Rectangle r = new javafx.scene.shape.Rectangle(10, 10);
            r.getStyleClass().add("tree-room-icon");
            r.setStyle("-fx-fill: transparent; -fx-stroke: -fx-text-background-color; -fx-stroke-width: 1.5;");
            return r;
        }

        /** A colour dot ringed in the theme's text colour: light dots stay visible on a light list, dark ones on a dark list. */
        private static Circle outlined(Circle c) {
            c.setStyle("-fx-stroke: -fx-text-background-color; -fx-stroke-width: 0.75;");
            return c;
        }
    }
}
