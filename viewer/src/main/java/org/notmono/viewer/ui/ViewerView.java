package org.notmono.viewer.ui;

import java.util.Locale;
import java.util.function.BiFunction;
import java.util.List;
import java.util.ArrayList;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.notmono.audio.WindowFunction;
import org.notmono.fx.KeyBinding;
import org.notmono.sim.scene.SlotPrediction;
import org.notmono.sim.scene.metrics.SlotMatch;
import org.notmono.viewer.analysis.ColourMap;
import org.notmono.viewer.analysis.DirectionEstimator;
import org.notmono.viewer.analysis.FrequencyBand;
import org.notmono.viewer.analysis.FrequencyScale;
import org.notmono.viewer.session.SpectrogramSettings;
import org.notmono.viewer.session.ViewerDocument;

/**
 * The Listen & View workspace: spectrogram settings on top, the channel stack on the left, the
 * direction map and the sphere on the right with the list of slots and their errors.
 */
public final class ViewerView extends BorderPane {
    public static final String CONVENTION = "Azimuth counter-clockwise from the front (+90\u00b0 = left, \u00b1180\u00b0 = behind), "
            + "elevation up. White: ground truth (rings on the map, balls on the sphere); coloured: predicted slots (crosses, balls; "
            + "opacity = existence, colour = class, stalk = distance).";
    private final ViewerViewModel model;

    public ViewerView(ViewerViewModel model) {
        this.model = model;
        setId("viewer-view");
        setTop(settingsBar());
        ScrollPane channels = new ScrollPane(new ChannelStackView(model));
        channels.setFitToWidth(true);
        channels.setFitToHeight(true);
        SplitPane split = new SplitPane(channels, directionPanel());
        split.setDividerPositions(0.55);
        setCenter(split);
        Label status = new Label();
        status.setId("viewer-status");
        status.textProperty().bind(model.statusProperty());
        status.setPadding(new Insets(2, 6, 2, 6));
        setBottom(new VBox(new TransportBar(model), status));
        addEventFilter(KeyEvent.KEY_PRESSED, this::transportKey);
    }

    /** Space plays or pauses and Home moves the cursor to the start, unless a control needs the key. */
    private void transportKey(KeyEvent e) {
        Node focus = getScene() == null ? null : getScene().getFocusOwner();
        if (KeyBinding.PLAY_PAUSE.matches(e) && !(focus instanceof TextInputControl || focus instanceof ButtonBase
                || focus instanceof ComboBoxBase<?> || focus instanceof Slider)) {
            model.togglePlay();
            e.consume();
        } else if (KeyBinding.TO_START.matches(e) && !(focus instanceof TextInputControl)) {
            model.moveCursor(0);
            e.consume();
        }
    }

    private FlowPane settingsBar() {
        SpectrogramSettings now = model.settingsProperty().get();
        ComboBox<Integer> window = combo("spectrogram-window", FXCollections.observableArrayList(256, 512, 1024, 2048, 4096),
                now.windowSize(), SpectrogramSettings::withWindowSize);
        ComboBox<Integer> overlap = combo("spectrogram-overlap", FXCollections.observableArrayList(0, 50, 75, 87),
                now.overlapPercent(), SpectrogramSettings::withOverlap);
        ComboBox<WindowFunction> type = combo("spectrogram-window-type", FXCollections.observableArrayList(WindowFunction.values()),
                now.window(), SpectrogramSettings::withWindow);
        ComboBox<ColourMap> colours = combo("spectrogram-colours", FXCollections.observableArrayList(ColourMap.values()),
                now.colours(), SpectrogramSettings::withColours);
        ComboBox<FrequencyScale> scale = combo("spectrogram-scale", FXCollections.observableArrayList(FrequencyScale.values()),
                now.scale(), SpectrogramSettings::withScale);
        Spinner<Double> range = spinner("spectrogram-range", 20, 150, now.rangeDb(), SpectrogramSettings::withRange);
        Spinner<Double> gain = spinner("spectrogram-gain", -40, 60, now.gainDb(), SpectrogramSettings::withGain);
        CheckBox aroundCursor = new CheckBox("Follow cursor");
        aroundCursor.setId("map-around-cursor");
        aroundCursor.selectedProperty().bindBidirectional(model.mapAroundCursorProperty());
        CheckBox hold = new CheckBox("Hold max");
        hold.setId("map-hold-max");
        hold.selectedProperty().bindBidirectional(model.holdMaxProperty());
        FlowPane bar = new FlowPane(6, 4, new Label("Window"), window, type, new Label("Overlap %"), overlap,
                new Label("Colours"), colours, new Label("Frequency"), scale, new Label("Range dB"), range,
                new Label("Gain dB"), gain, new Separator(Orientation.VERTICAL), aroundCursor, hold);
        bar.setPadding(new Insets(4, 6, 4, 6));
        bar.setId("viewer-settings");
        return bar;
    }

    /** A choice that replaces one setting. */
    private <T> ComboBox<T> combo(String id, javafx.collections.ObservableList<T> items, T value,
                                  BiFunction<SpectrogramSettings, T, SpectrogramSettings> change) {
        ComboBox<T> box = new ComboBox<>(items);
        box.setId(id);
        if (value instanceof Enum<?>) {
            box.setConverter(new ReadableNames<>());
        }
        box.setValue(value);
        box.valueProperty().addListener((o, a, b) -> model.settingsProperty().set(change.apply(model.settingsProperty().get(), b)));
        return box;
    }

    private Spinner<Double> spinner(String id, double min, double max, double value,
                                    BiFunction<SpectrogramSettings, Double, SpectrogramSettings> change) {
        Spinner<Double> s = new Spinner<>(min, max, value, 5);
        s.setId(id);
        s.setPrefWidth(80);
        s.setEditable(true);
        s.valueProperty().addListener((o, a, b) -> model.settingsProperty().set(change.apply(model.settingsProperty().get(), b)));
        return s;
    }

    private VBox directionPanel() {
        DirectionMapCanvas map = new DirectionMapCanvas(model);
        map.setPrefHeight(280);
        model.documentProperty().addListener((o, a, b) -> map.paint());
        Tab flat = new Tab("Direction map", map);
        flat.setId("tab-direction-map");
        Tab sphere = new Tab("Sphere", sphereWithTime());
        sphere.setId("tab-sphere");
        Tab tracks = new Tab("Direction vs time", new DirectionTrackCanvas(model));
        tracks.setId("tab-direction-track");
        RoomView roomView = new RoomView();
        model.roomProperty().addListener((o, a, b) -> roomView.show(b));
        VBox.setVgrow(roomView, Priority.ALWAYS);
        Tab room = new Tab("Room", new VBox(4, roomSourceBar(), roomView));
        room.setId("tab-room");
        TabPane tabs = new TabPane(flat, sphere, tracks, room);
        tabs.setId("direction-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        Label convention = new Label(CONVENTION);
        convention.setId("direction-convention");
        convention.setWrapText(true);
        ListView<String> slots = new ListView<>();
        slots.setId("slot-list");
        slots.setPrefHeight(120);
        model.documentProperty().addListener((o, a, b) -> slots.getItems().setAll(slotLines()));
        model.directionMapProperty().addListener((o, a, b) -> slots.getItems().setAll(slotLines()));
        model.shownPredictionProperty().addListener((o, a, b) -> slots.getItems().setAll(slotLines()));
        VBox box = new VBox(4, mapBar(), tabs, convention, slotSourceBar(), slots);
        box.setPadding(new Insets(4));
        return box;
    }

    /** Which source's RIR the Room tab shows: the clip's ground-truth sources. */
    private HBox roomSourceBar() {
        ComboBox<String> source = new ComboBox<>();
        source.setId("room-source");
        source.setPromptText("no RTSD");
        model.documentProperty().addListener((o, a, d) -> source.getItems().setAll(
                d == null || d.room() == null ? List.of() : d.truth().stream().map(t -> t.id()).distinct().toList()));
        source.valueProperty().bindBidirectional(model.roomSourceProperty());
        HBox bar = new HBox(6, new Label("RIR of source"), source);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 4, 0, 4));
        return bar;
    }

    /** The direction map's estimator and frequency band. */
    private HBox mapBar() {
        ComboBox<DirectionEstimator> estimator = new ComboBox<>(FXCollections.observableArrayList(DirectionEstimator.values()));
        estimator.setId("map-estimator");
        estimator.valueProperty().bindBidirectional(model.mapEstimatorProperty());
        ComboBox<FrequencyBand> band = new ComboBox<>(FXCollections.observableArrayList(FrequencyBand.values()));
        band.setId("map-band");
        band.valueProperty().bindBidirectional(model.mapBandProperty());
        HBox bar = new HBox(6, new Label("Map"), estimator, new Label("Band"), band);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** The sphere with a time slider: dragging it moves the cursor and shows sources and slots at that time. */
    private VBox sphereWithTime() {
        SphereView sphere = new SphereView(model);
        VBox.setVgrow(sphere, Priority.ALWAYS);
        Slider time = new Slider(0, 1, 0);
        time.setId("sphere-time");
        HBox.setHgrow(time, Priority.ALWAYS);
        Label at = new Label();
        at.setId("sphere-time-label");
        at.setMinWidth(60);
        at.textProperty().bind(model.cursorProperty().asString(Locale.ROOT, "%.2f s"));
        model.documentProperty().addListener((o, a, b) -> time.setMax(model.duration()));
        model.cursorProperty().addListener((o, a, b) -> {
            if (!time.isValueChanging()) {
                time.setValue(b.doubleValue());
            }
        });
        time.valueProperty().addListener((o, a, b) -> {
            if (Math.abs(b.doubleValue() - model.cursorProperty().get()) > 1e-9) {
                model.mapAroundCursorProperty().set(true); // the sphere shows the moment the slider picks
                model.moveCursor(b.doubleValue());
            }
        });
        HBox bar = new HBox(6, new Label("Time"), time, at);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 4, 2, 4));
        return new VBox(sphere, bar);
    }

    /** Which predictor's slots the views show. */
    private HBox slotSourceBar() {
        ComboBox<String> source = new ComboBox<>();
        source.setId("slot-source");
        source.setPromptText("no slots");
        model.predictionsProperty().addListener((o, a, b) -> source.getItems().setAll(b.sequencedKeySet()));
        source.getItems().setAll(model.predictionsProperty().get().sequencedKeySet());
        source.setValue(model.shownSlotSourceProperty().get());
        model.shownSlotSourceProperty().addListener((o, a, b) -> source.setValue(b));
        source.setOnAction(e -> {
            if (source.getValue() != null && !source.getValue().equals(model.shownSlotSourceProperty().get())) {
                model.preferredSlotsProperty().set(source.getValue());
            }
        });
        HBox bar = new HBox(6, new Label("Slots from"), source, new Label("and their errors against the ground truth"));
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private List<String> slotLines() {
        ViewerDocument d = model.documentProperty().get();
        SlotPrediction shown = model.shownPredictionProperty().getValue();
        if (d == null || shown == null) {
            return List.of(d == null ? "No clip open." : "Not an FOA clip: no direction analysis.");
        }
        List<SlotMatch> matches = model.matches();
        List<String> lines = new ArrayList<>();
        for (var s : model.shownSlots()) {
            String error = matches.stream().filter(m -> m.slot() == s).findFirst()
                    .map(m -> String.format(Locale.ROOT, "  -> %s, error %.1f\u00b0", m.truth().classId() == null
                            ? m.truth().id() : m.truth().classId(), m.angularError())).orElse("");
            String what = SlotColours.label(s).isEmpty() ? "" : "  " + SlotColours.label(s);
            lines.add(String.format(Locale.ROOT, "az %7.1f\u00b0  el %6.1f\u00b0  existence %.2f%s%s", s.azimuth(), s.elevation(),
                    s.existence(), what, error));
        }
        lines.add(String.format(Locale.ROOT, "estimated count %d, true count %s", shown.count(),
                d.truth().isEmpty() ? "unknown" : Integer.toString(d.truth().size())));
        return lines;
    }
}
