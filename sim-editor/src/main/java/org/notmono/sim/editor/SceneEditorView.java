package org.notmono.sim.editor;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.notmono.audio.Levels;

/**
 * The Scene workspace: toolbar (presets, random scene, snap, render, listen), scene tree and
 * property sheet on the left, the 3D view beside the top and side plans in the middle,
 * readouts, the RIR and the clip library on the right.
 */
public final class SceneEditorView extends BorderPane {
    private final SceneEditorViewModel model;
    private final SceneRenderViewModel render;
    private final Room3DView room3d;
    /** Height of the RIR pane beside the room. */
    static final double RIR_SLOT_HEIGHT = 320;
    private final VBox rirSlot = new VBox();
    private final HBox recoveryBanner;

    public SceneEditorView(SceneEditorViewModel model, SceneRenderViewModel render, ClipLibraryViewModel clips,
                           ClipPreviewPlayer player) {
        this.model = model;
        this.render = render;
        setId("workspace-scene");
        room3d = new Room3DView(model);
        setTop(new VBox(toolbar(), renderLine()));
        recoveryBanner = recoveryBanner();
        SplitPane left = new SplitPane(new SceneTreeView(model), scrolling(new ScenePropertiesView(model)));
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.25);
        SplitPane plans = new SplitPane(new RoomPlanView(model, PlanAxes.TOP), new RoomPlanView(model, PlanAxes.SIDE));
        plans.setOrientation(Orientation.VERTICAL);
        plans.setDividerPositions(0.6);
        SplitPane views = new SplitPane(room3d, plans);
        views.setDividerPositions(0.5);
        rirSlot.getChildren().setAll(new RirView(render));
        // one height whatever it shows (a hint, the quick look, the app's charts): selecting a source must not move the library
        rirSlot.setId("rir-slot");
        rirSlot.setMinHeight(RIR_SLOT_HEIGHT);
        rirSlot.setPrefHeight(RIR_SLOT_HEIGHT);
        rirSlot.setMaxHeight(RIR_SLOT_HEIGHT);
        VBox right = new VBox(8, new ReadoutsView(model), new Separator(), rirSlot, new Separator(),
                new ClipLibraryView(clips, model, player));
        right.setPadding(new Insets(6));
        VBox.setVgrow(right.getChildren().getLast(), Priority.ALWAYS);
        SplitPane main = new SplitPane(left, views, right);
        main.setDividerPositions(0.22, 0.76);
        setCenter(main);
    }

    private static ScrollPane scrolling(javafx.scene.Node n) {
        ScrollPane s = new ScrollPane(n);
        s.setFitToWidth(true);
        return s;
    }

    private ToolBar toolbar() {
        ComboBox<RoomPreset> room = presetBox("preset-room", "Room size", model.roomPresetLabel(), RoomPreset.values(), model::applyRoomPreset);
        ComboBox<ReverbPreset> reverb = presetBox("preset-reverb", "Reverberation", model.reverbPresetLabel(), ReverbPreset.values(),
                model::applyReverbPreset);
        TextField seed = new TextField();
        seed.setId("random-seed");
        seed.setPrefColumnCount(6);
        seed.textProperty().bindBidirectional(model.randomSeedProperty());
        Button random = new Button("Random scene");
        random.setId("random-scene");
        random.setOnAction(e -> model.randomScene());
        CheckBox snap = new CheckBox("Snap to " + SceneEditorViewModel.GRID_STEP + " m grid");
        snap.setId("snap-to-grid");
        snap.selectedProperty().bindBidirectional(model.snapToGridProperty());
        Button renderButton = new Button("Render");
        renderButton.setId("render");
        renderButton.setOnAction(e -> render.render());
        renderButton.disableProperty().bind(render.runningProperty().isNotNull());
        Button cancel = new Button("Cancel");
        cancel.setId("render-cancel");
        cancel.setOnAction(e -> render.cancel());
        cancel.disableProperty().bind(render.runningProperty().isNull());
        Button listen = new Button("Listen");
        listen.setId("listen");
        listen.setOnAction(e -> render.listen());
        listen.disableProperty().bind(render.listenerProperty().isNull());
        Button ask = new Button("Ask about this scene");
        ask.setId("ask-about-scene");
        ask.setOnAction(e -> render.ask());
        ask.disableProperty().bind(render.askerProperty().isNull());
        Label title = new Label();
        title.setId("scene-title");
        title.textProperty().bind(model.document().titleProperty());
        title.setStyle("-fx-font-weight: bold");
        return new ToolBar(title, new Separator(), room, reverb, new Label("Seed"), seed, random, snap, new Separator(),
                renderButton, cancel, listen, ask);
    }

    /** What the last render was, on its own line so a long text never pushes the buttons off the toolbar. */
    private HBox renderLine() {
        Label summary = new Label();
        summary.setId("render-summary");
        summary.textProperty().bind(Bindings.when(render.staleProperty().and(render.lastRenderProperty().isNotNull()))
                .then(Bindings.concat(render.summaryProperty(), " (scene changed since)")).otherwise(render.summaryProperty()));
        Label clipping = new Label();
        clipping.setId("render-clipping");
        clipping.getStyleClass().add("field-message");
        clipping.textProperty().bind(render.clippingProperty());
        clipping.visibleProperty().bind(clipping.textProperty().isNotEmpty());
        clipping.managedProperty().bind(clipping.visibleProperty());
        ComboBox<Levels.Normalisation> level = new ComboBox<>();
        level.setId("export-level");
        level.getItems().setAll(Levels.Normalisation.values());
        level.valueProperty().bindBidirectional(render.exportLevelProperty());
        level.setTooltip(new Tooltip("level of exported FOA and binaural WAVs; the RTSD keeps the scene's gains"));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox line = new HBox(8, summary, clipping, gap, new Label("Export level"), level);
        line.setAlignment(Pos.CENTER_LEFT);
        line.setPadding(new Insets(2, 8, 2, 8));
        return line;
    }

    /**
     * A drop-down that applies the chosen preset; closed, it says what the scene has now
     * ({@code current}: the matching preset, or "Custom" after an edit or a random scene).
     */
    private static <T> ComboBox<T> presetBox(String id, String what, javafx.beans.value.ObservableStringValue current, T[] presets,
                                             java.util.function.Consumer<T> apply) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(presets);
        box.setTooltip(new Tooltip(what + " preset"));
        javafx.scene.control.ListCell<T> shown = new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(current.get());
            }
        };
        shown.setId(id + "-current");
        current.addListener((o, a, b) -> shown.setText(b));
        box.promptTextProperty().bind(current); // the skin shows the prompt while no value is chosen
        box.setButtonCell(shown);
        box.setOnAction(e -> {
            if (box.getValue() != null) {
                apply.accept(box.getValue());
                box.getSelectionModel().clearSelection();
            }
        });
        return box;
    }

    /**
     * The offer of the scene a crashed session left behind. The app shows it above every
     * workspace (the app may open on any of them), so this view does not place it itself.
     */
    public HBox recoveryBannerNode() {
        return recoveryBanner;
    }

    private HBox recoveryBanner() {
        Label text = new Label();
        text.textProperty().bind(Bindings.createStringBinding(() -> {
            RecoveryStore.Recovered r = model.document().recoverableProperty().get();
            return r == null ? "" : "Unsaved changes to " + (r.file() == null ? "an untitled scene" : r.file().getFileName())
                    + " were kept when NotMono last stopped. Restore them?";
        }, model.document().recoverableProperty()));
        Button restore = new Button("Restore");
        restore.setId("recovery-restore");
        restore.setOnAction(e -> model.document().recover());
        Button discard = new Button("Discard");
        discard.setId("recovery-discard");
        discard.setOnAction(e -> model.document().discardRecovery());
        HBox banner = new HBox(8, text, restore, discard);
        banner.setId("recovery-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(4, 8, 4, 8));
        banner.setStyle("-fx-background-color: #fff3cd;");
        banner.visibleProperty().bind(model.document().recoverableProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    /**
     * Puts another view of the selected source's RIR (fed from {@link SceneRenderViewModel#rirProperty()})
     * where the built-in quick look is: the app composes the viewer's room view here.
     */
    public void setRirPane(javafx.scene.Node pane) {
        VBox.setVgrow(pane, Priority.ALWAYS);
        rirSlot.getChildren().setAll(pane);
    }

    public Room3DView room3d() {
        return room3d;
    }
}
