package org.notmono.viewer.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

import org.notmono.audio.SampleEncoding;
import org.notmono.audio.Wav;
import org.notmono.fx.task.Job;
import org.notmono.fx.task.TaskService;
import org.notmono.sim.scene.Slot;
import org.notmono.sim.scene.SlotPrediction;
import org.notmono.sim.scene.SlotPredictor;
import org.notmono.sim.scene.metrics.SlotMatch;
import org.notmono.sim.scene.metrics.TruthSource;
import org.notmono.viewer.analysis.AxisTicks;
import org.notmono.viewer.analysis.DirectionEstimator;
import org.notmono.viewer.analysis.DirectionMap;
import org.notmono.viewer.analysis.FrequencyBand;
import org.notmono.viewer.analysis.RoomResponse;
import org.notmono.viewer.analysis.Spectrogram;
import org.notmono.viewer.listen.Listening;
import org.notmono.viewer.listen.ListeningCache;
import org.notmono.viewer.listen.Player;
import org.notmono.viewer.session.SpectrogramSettings;
import org.notmono.viewer.session.ViewerDocument;

/**
 * The state of the Listen & View workspace: the opened clip, the visible time span, the
 * cursor, the spectrogram settings (persisted), and the direction map for the whole clip or
 * a window around the cursor, with hold-max, and the slot predictions: the DSP localizer's,
 * and the spatial encoder's when one is loaded ({@link #predictorProperty()}), shown by
 * default. Heavy work runs through the task service.
 */
public final class ViewerViewModel {
    private static final Logger LOG = Logger.getLogger(ViewerViewModel.class.getName());
    /** The direction map's window around the cursor, in seconds either side. */
    public static final double MAP_HALF_WINDOW = 0.25;
    private static final double MIN_SPAN = 0.01;
    private static final String[] FOA_NAMES = {"W", "Y", "Z", "X"};

    private final TaskService tasks;
    private final Path settingsFile;
    private final ReadOnlyObjectWrapper<ViewerDocument> document = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<SpectrogramSettings> settings = new SimpleObjectProperty<>();
    private final DoubleProperty viewStart = new SimpleDoubleProperty(0);
    private final DoubleProperty viewEnd = new SimpleDoubleProperty(1);
    private final DoubleProperty cursor = new SimpleDoubleProperty(0);
    private final BooleanProperty mapAroundCursor = new SimpleBooleanProperty(false);
    private final BooleanProperty holdMax = new SimpleBooleanProperty(false);
    private final ObjectProperty<FrequencyBand> mapBand = new SimpleObjectProperty<>(FrequencyBand.ALL);
    private final ObjectProperty<DirectionEstimator> mapEstimator = new SimpleObjectProperty<>(DirectionEstimator.INTENSITY);
    private final ReadOnlyObjectWrapper<DirectionMap> directionMap = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper readout = new ReadOnlyStringWrapper("");
    private final StringProperty status = new SimpleStringProperty("Open a WAV file (File > Open, or drop it here).");
    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private final BooleanProperty loop = new SimpleBooleanProperty(false);
    private final DoubleProperty headYaw = new SimpleDoubleProperty(0);
    private final ObjectProperty<Listening.Mode> listeningMode = new SimpleObjectProperty<>(Listening.Mode.BINAURAL);
    private final ObjectProperty<SlotPredictor> predictor = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<SequencedMap<String, SlotPrediction>> predictions = new ReadOnlyObjectWrapper<>(new LinkedHashMap<>());
    private final StringProperty preferredSlots = new SimpleStringProperty();
    private final StringBinding shownSlotSource = Bindings.createStringBinding(this::chooseSlotSource, predictions, preferredSlots);
    private final ObjectBinding<SlotPrediction> shownPrediction =
            Bindings.createObjectBinding(this::currentPrediction, predictions, shownSlotSource);
    private Player player;
    private final ObjectProperty<String> roomSource = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<RoomResponse> room = new ReadOnlyObjectWrapper<>();
    private final ListeningCache listening;

    /** @param settingsFile where the spectrogram settings live; null to keep them in memory only */
    public ViewerViewModel(TaskService tasks, Path settingsFile) {
        this(tasks, settingsFile, new ListeningCache());
    }

    /** @param listening decodes for Play and Export, keeping the HRTF and the last decode */
    public ViewerViewModel(TaskService tasks, Path settingsFile, ListeningCache listening) {
        this.tasks = tasks;
        this.listening = listening;
        this.settingsFile = settingsFile;
        settings.set(SpectrogramSettings.load(settingsFile));
        settings.addListener((o, a, b) -> settingsChanged(b));
        cursor.addListener((o, a, b) -> {
            if (mapAroundCursor.get()) {
                updateMap();
            }
        });
        mapAroundCursor.addListener((o, a, b) -> updateMap());
        predictor.addListener((o, a, b) -> {
            if (b != null && document.get() != null) {
                predict(b, document.get());
            }
        });
        holdMax.addListener((o, a, b) -> updateMap());
        roomSource.addListener((o, a, b) -> showRoomOf(b));
        mapBand.addListener((o, a, b) -> replaceMap());
        mapEstimator.addListener((o, a, b) -> replaceMap());
        loop.addListener((o, a, b) -> {
            if (player != null) {
                player.setLoop(b);
            }
        });
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public BooleanProperty loopProperty() {
        return loop;
    }

    /** Head yaw in degrees (positive = turned left); see {@link #applyListening()}. */
    public DoubleProperty headYawProperty() {
        return headYaw;
    }

    public ObjectProperty<Listening.Mode> listeningModeProperty() {
        return listeningMode;
    }

    /** Plays from the cursor what the listener hears (FOA decoded with the head yaw), or pauses. */
    public void togglePlay() {
        if (playing.get()) {
            pause();
            return;
        }
        ViewerDocument d = document.get();
        if (d == null) {
            return;
        }
        double yaw = headYaw.get();
        Listening.Mode mode = listeningMode.get();
        double from = cursor.get() >= d.audio().duration() ? 0 : cursor.get();
        tasks.submit("Decode for listening", ctx -> listening.render(d.audio(), yaw, mode), heard -> {
            closePlayer();
            player = new Player(heard);
            player.setLoop(loop.get());
            try {
                player.play(from);
                playing.set(true);
            } catch (Player.PlaybackException e) {
                status.set(e.getMessage());
                tasks.reportFailure("Play " + d.file().getFileName(), e.getMessage());
            }
        });
    }

    /** Re-decodes with the current head yaw and mode, carrying on from where playback is. */
    public void applyListening() {
        if (playing.get()) {
            pause();
            togglePlay();
        }
    }

    public void pause() {
        if (player != null) {
            player.pause();
        }
        playing.set(false);
    }

    /** Called every frame by the view while playing: the cursor follows what is heard. */
    public void followPlayback() {
        if (player == null || !playing.get()) {
            return;
        }
        moveCursor(player.position());
        if (!player.isPlaying()) {
            playing.set(false);
        }
    }

    private void closePlayer() {
        if (player != null) {
            player.close();
            player = null;
        }
    }

    /** Writes what the listener hears (binaural or stereo, with the head yaw) to a 2-channel WAV. */
    public void exportListening(Path wav) {
        ViewerDocument d = document.get();
        if (d == null) {
            return;
        }
        double yaw = headYaw.get();
        Listening.Mode mode = listeningMode.get();
        tasks.submit("Export " + wav.getFileName(), ctx -> {
            Wav.write(wav, listening.render(d.audio(), yaw, mode), SampleEncoding.FLOAT_32);
            return wav;
        }, written -> status.set("Wrote " + written));
    }

    /** The source whose room response the Room tab shows (a ground-truth id). */
    public ObjectProperty<String> roomSourceProperty() {
        return roomSource;
    }

    /** The room's response to {@link #roomSourceProperty()}; null without an RTSD. */
    public ReadOnlyObjectProperty<RoomResponse> roomProperty() {
        return room.getReadOnlyProperty();
    }

    /** Simulates the RIR of another source of the clip's RTSD in the background. */
    private void showRoomOf(String sourceId) {
        ViewerDocument d = document.get();
        RoomResponse shown = room.get();
        if (d == null || d.rtsd() == null || sourceId == null || (shown != null && sourceId.equals(shown.sourceId()))) {
            return;
        }
        tasks.submit("Room response of " + sourceId, ctx -> RoomResponse.fromRtsd(d.rtsd(), sourceId), r -> {
            if (d == document.get() && sourceId.equals(roomSource.get())) {
                room.set(r);
            }
        });
    }

    public ReadOnlyObjectProperty<ViewerDocument> documentProperty() {
        return document.getReadOnlyProperty();
    }

    public ObjectProperty<SpectrogramSettings> settingsProperty() {
        return settings;
    }

    public DoubleProperty viewStartProperty() {
        return viewStart;
    }

    public DoubleProperty viewEndProperty() {
        return viewEnd;
    }

    public DoubleProperty cursorProperty() {
        return cursor;
    }

    public BooleanProperty mapAroundCursorProperty() {
        return mapAroundCursor;
    }

    public BooleanProperty holdMaxProperty() {
        return holdMax;
    }

    /** The frequency band the direction map is made from. */
    public ObjectProperty<FrequencyBand> mapBandProperty() {
        return mapBand;
    }

    /** How the direction map is estimated (intensity histogram or steered response). */
    public ObjectProperty<DirectionEstimator> mapEstimatorProperty() {
        return mapEstimator;
    }

    public ReadOnlyObjectProperty<DirectionMap> directionMapProperty() {
        return directionMap.getReadOnlyProperty();
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** The learned predictor run on every FOA clip shown (the spatial encoder); null for none. */
    public ObjectProperty<SlotPredictor> predictorProperty() {
        return predictor;
    }

    /** The open clip's predictions by predictor name, the DSP localizer's first. */
    public ReadOnlyObjectProperty<SequencedMap<String, SlotPrediction>> predictionsProperty() {
        return predictions.getReadOnlyProperty();
    }

    /** The predictor whose slots the user chose to see; null (or one without slots for this clip) shows the latest made. */
    public StringProperty preferredSlotsProperty() {
        return preferredSlots;
    }

    /** The name of the predictor whose slots the views show; null when there are none. */
    public StringBinding shownSlotSourceProperty() {
        return shownSlotSource;
    }

    private String chooseSlotSource() {
        SequencedMap<String, SlotPrediction> p = predictions.get();
        if (p.isEmpty()) {
            return null;
        }
        return p.containsKey(preferredSlots.get()) ? preferredSlots.get() : p.lastEntry().getKey();
    }

    /** Runs {@code p} on {@code d} in the background; its slots join the predictions if {@code d} is still shown. */
    private void predict(SlotPredictor p, ViewerDocument d) {
        if (!d.isFoa()) {
            return;
        }
        tasks.submit(p.name() + " on " + d.file().getFileName(), ctx -> p.predict(d.audio(), ctx), prediction -> {
            ViewerDocument now = document.get();
            if (now != null && now.audio() == d.audio()) { // still this clip (its spectrogram may have been redone)
                SequencedMap<String, SlotPrediction> more = new LinkedHashMap<>(predictions.get());
                more.put(p.name(), prediction);
                predictions.set(more);
                status.set(describe(now));
            }
        });
    }

    /** Opens a WAV in the background; its RTSD ({@link org.notmono.sim.scene.ClipTruth}) becomes the ground truth. */
    public void open(Path wav) {
        tasks.submit("Analyse " + wav.getFileName(), load(wav), this::show);
    }

    /** The job that reads and analyses a WAV with the current settings, for callers that run it themselves. */
    public Job<ViewerDocument> load(Path wav) {
        SpectrogramSettings s = settings.get();
        return ctx -> ViewerDocument.load(wav, s, ctx);
    }

    /** Shows an analysed document (on the FX thread). */
    public void show(ViewerDocument d) {
        pause();
        closePlayer();
        directionMap.set(null);
        predictions.set(d.predictions());
        room.set(d.room());
        document.set(d);
        roomSource.set(d.room() == null ? null : d.room().sourceId());
        viewStart.set(0);
        viewEnd.set(Math.max(MIN_SPAN, d.audio().duration()));
        cursor.set(0);
        updateMap();
        status.set(describe(d));
        if (predictor.get() != null) {
            predict(predictor.get(), d);
        }
    }

    private String describe(ViewerDocument d) {
        String kind = d.isFoa() ? "FOA" : d.audio().channelCount() + " channel(s), not FOA: no direction views";
        StringBuilder found = new StringBuilder();
        predictions.get().forEach((name, p) -> found.append(", ").append(name).append(": ").append(p.count()).append(" source(s)"));
        String truth = d.truth().isEmpty() ? "" : ", ground truth: " + d.truth().size() + " source(s)";
        return String.format(Locale.ROOT, "%s: %.2f s at %d Hz, %s%s%s", d.file().getFileName(),
                d.audio().duration(), d.audio().sampleRate(), kind, found, truth);
    }

    /** The ground truth shown: at the cursor when following it (moving sources move), else at onset. */
    public List<TruthSource> shownTruth() {
        ViewerDocument d = document.get();
        if (d == null) {
            return List.of();
        }
        return mapAroundCursor.get() ? d.truthAt(cursor.get()) : d.truth();
    }

    /** The shown predictor's prediction (null when there is none); it changes when new slots arrive or the user picks another. */
    public ObservableValue<SlotPrediction> shownPredictionProperty() {
        return shownPrediction;
    }

    private SlotPrediction currentPrediction() {
        return shownSlotSource.get() == null ? null : predictions.get().get(shownSlotSource.get());
    }

    /** The shown predictor's slots: the frame at the cursor when following it, else the whole clip's. */
    public List<Slot> shownSlots() {
        SlotPrediction p = shownPrediction.get();
        if (p == null) {
            return List.of();
        }
        return mapAroundCursor.get() ? p.slotsAt(cursor.get()) : p.slots();
    }

    /** The shown slots paired with the shown ground truth (empty without either). */
    public List<SlotMatch> matches() {
        return SlotMatch.pair(shownSlots(), shownTruth());
    }

    /** What a spectrogram shows at one point: time, frequency, the level drawn there (gain included) and the channel. */
    public record Readout(double seconds, double hz, double db, String channel) {
        /** "1.234 s  1 kHz  -12.3 dB  W". */
        public String text() {
            return String.format(Locale.ROOT, "%.3f s   %s   %.1f dB   %s", seconds, AxisTicks.hertz(Math.round(hz)), db, channel);
        }
    }

    /** The name of a channel: W, Y, Z, X for FOA, else "ch 1", "ch 2" ... */
    public static String channelName(ViewerDocument d, int channel) {
        return d.audio().channelCount() == 4 ? FOA_NAMES[channel] : "ch " + (channel + 1);
    }

    /**
     * The spectrogram of {@code channel} at {@code seconds} and the height fraction {@code f} (0 at
     * the bottom) in the chosen frequency scale: the nearest STFT frame and bin.
     */
    public Readout readoutAt(int channel, double seconds, double f) {
        ViewerDocument d = document.get();
        Spectrogram s = d.spectrogram();
        double nyquist = s.sampleRate() / 2.0;
        double hz = settings.get().scale().frequency(Math.clamp(f, 0, 1), nyquist);
        int frame = (int) Math.clamp(Math.round(s.frameAt(seconds)), 0, s.frames() - 1);
        int bin = (int) Math.clamp(Math.round(hz / nyquist * (s.bins() - 1)), 0, s.bins() - 1);
        return new Readout(seconds, hz, s.db(channel, frame, bin) + settings.get().gainDb(), channelName(d, channel));
    }

    /** Shows the readout of a point under the mouse; {@link #clearReadout()} when the mouse leaves. */
    public void pointAt(int channel, double seconds, double f) {
        readout.set(document.get() == null ? "" : readoutAt(channel, seconds, f).text());
    }

    public void clearReadout() {
        readout.set("");
    }

    /** The readout under the mouse, empty when the mouse is not over a spectrogram. */
    public ReadOnlyStringProperty readoutProperty() {
        return readout.getReadOnlyProperty();
    }

    public double duration() {
        ViewerDocument d = document.get();
        return d == null ? 1 : d.audio().duration();
    }

    /** Zooms the visible span by {@code factor} (< 1 zooms in) keeping {@code anchor} seconds in place. */
    public void zoom(double factor, double anchor) {
        double start = viewStart.get();
        double span = Math.clamp((viewEnd.get() - start) * factor, MIN_SPAN, duration());
        double f = (anchor - start) / (viewEnd.get() - start);
        setSpan(anchor - f * span, span);
    }

    /** Moves the visible span by {@code seconds}. */
    public void scroll(double seconds) {
        setSpan(viewStart.get() + seconds, viewEnd.get() - viewStart.get());
    }

    private void setSpan(double start, double span) {
        double s = Math.clamp(start, 0, Math.max(0, duration() - span));
        viewStart.set(s);
        viewEnd.set(s + span);
    }

    /** Moves the cursor (clamped to the clip); the view follows when the cursor leaves it. */
    public void moveCursor(double seconds) {
        double t = Math.clamp(seconds, 0, duration());
        cursor.set(t);
        double span = viewEnd.get() - viewStart.get();
        if (t < viewStart.get() || t > viewEnd.get()) {
            setSpan(t - span / 2, span);
        }
    }

    private void settingsChanged(SpectrogramSettings s) {
        persist(s);
        ViewerDocument d = document.get();
        if (d == null || s.stft().size() == d.spectrogram().stft().size() && s.stft().hop() == d.spectrogram().stft().hop()
                && s.window() == d.spectrogram().stft().windowFunction()) {
            return; // only the look changed: the panes repaint
        }
        tasks.submit("Spectrogram " + d.file().getFileName(), ctx -> Spectrogram.compute(d.audio(), s.stft(), ctx), sp -> {
            if (document.get() == d) {
                document.set(d.withSpectrogram(sp));
            }
        });
    }

    private void persist(SpectrogramSettings s) {
        if (settingsFile == null) {
            return;
        }
        try {
            s.save(settingsFile);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot save viewer settings to " + settingsFile, e);
        }
    }

    /** A new band or estimator: a held maximum of the old one would mix two scales. */
    private void replaceMap() {
        directionMap.set(null);
        updateMap();
    }

    private void updateMap() {
        ViewerDocument d = document.get();
        if (d == null || !d.isFoa()) {
            directionMap.set(null);
            return;
        }
        DirectionMap map;
        var f = d.intensity();
        if (mapAroundCursor.get()) {
            map = mapEstimator.get().map(f, ViewerDocument.MAP_GRID, mapBand.get(),
                    f.frameAt(cursor.get() - MAP_HALF_WINDOW), f.frameAt(cursor.get() + MAP_HALF_WINDOW));
        } else if (mapBand.get() == FrequencyBand.ALL && mapEstimator.get() == DirectionEstimator.INTENSITY) {
            map = d.overview().copy();
        } else {
            map = mapEstimator.get().map(f, ViewerDocument.MAP_GRID, mapBand.get(), 0, f.frames() - 1);
        }
        DirectionMap held = directionMap.get();
        if (holdMax.get() && held != null) {
            map.holdMax(held);
        }
        directionMap.set(map);
    }
}
