package org.notmono.model.encoder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import org.notmono.audio.AudioClip;
import org.notmono.model.engine.DeviceChoice;
import org.notmono.sim.scene.Slot;
import org.notmono.sim.scene.SlotPrediction;
import org.notmono.sim.scene.SlotPredictor;
import org.notmono.task.TaskContext;

/**
 * Inference for the app and the CLI: FOA clip in, slot predictions out. The encoder only ever
 * sees what Stage 1 trained it on: windows of the training length, each cut and normalised by
 * itself ({@link FeatureExtractor#window}).
 * <ul>
 * <li>Clip-level slots: a clip no longer than the window is one window from its start, exactly
 * as in training; a longer clip is covered by windows hopped by {@link #WINDOW_HOP_SECONDS}
 * (the last one ending at the clip's end) whose slots are stitched ({@link SlotStitching}).</li>
 * <li>Frame-wise slots every 100 ms, for every clip: each frame takes the window centred on the
 * nearest multiple of the hop (windows reaching past the clip's edges are zero-padded, like a
 * training window past the end of its recording).</li>
 * </ul>
 */
public final class Encoder implements SlotPredictor, AutoCloseable {
    /** Length of the windows the shipped encoders are trained on (a checkpoint may say otherwise). */
    public static final double WINDOW_SECONDS = 4.0;
    /** Hop between the windows of one clip. */
    public static final double WINDOW_HOP_SECONDS = 1.0;
    private static final int WINDOW_BATCH = 8;

    private final EncoderModel model;
    private final FeatureExtractor features;
    private final double windowSeconds;
    private boolean closed;

    /** An encoder that reads windows of {@link #WINDOW_SECONDS}. */
    public Encoder(EncoderModel model) {
        this(model, WINDOW_SECONDS);
    }

    /** An encoder that reads windows of {@code windowSeconds}, the length it was trained on. */
    public Encoder(EncoderModel model, double windowSeconds) {
        if (!(windowSeconds > 0)) {
            throw new IllegalArgumentException("the window must be positive, got " + windowSeconds);
        }
        this.model = model;
        this.features = new FeatureExtractor(model.config());
        this.windowSeconds = windowSeconds;
    }

    /** Loads a checkpoint folder on the device of the NOTMONO_DEVICE setting ({@link DeviceChoice}). */
    public static Encoder load(Path checkpoint) throws IOException {
        return load(checkpoint, DeviceChoice.fromEnvironment());
    }

    /** Loads a checkpoint folder on {@code device}, reading windows of the length it was trained on. */
    public static Encoder load(Path checkpoint, Device device) throws IOException {
        double window = EncoderCheckpoint.readModelJson(checkpoint).path("training").path("config").path("training")
                .path("windowSeconds").asDouble(WINDOW_SECONDS);
        return new Encoder(EncoderCheckpoint.load(checkpoint, device), window);
    }

    @Override
    public String name() {
        return "Spatial encoder (" + model.config().name() + ")";
    }

    /** The class vocabulary of the class head. */
    public List<String> classes() {
        return model.classes();
    }

    /** The length of the windows the encoder reads, in seconds. */
    public double windowSeconds() {
        return windowSeconds;
    }

        /** The encoder that ships in the assets, on the device of the NOTMONO_DEVICE setting; empty when the assets carry none. */

    public static Optional<Encoder> shipped() throws IOException {
        Optional<Path> dir = ShippedCheckpoint.extract();
        return dir.isEmpty() ? Optional.empty() : Optional.of(load(dir.get()));
    }

    public SlotPrediction predict(AudioClip clip) {
        return predict(clip, TaskContext.none());
    }

    /** Slots for {@code clip}; one caller at a time, as the model's native state is shared. */
    @Override
    public synchronized SlotPrediction predict(AudioClip clip, TaskContext task) {
        if (closed) {
            throw new IllegalStateException(name() + " was closed (another checkpoint replaced it)");
        }
        double duration = clip.duration();
        List<Double> inside = insideStarts(duration);
        int frameCount = Math.max(1, (int) Math.ceil(duration / SlotPrediction.FRAME_SECONDS - 1e-9));
        List<Double> centred = new ArrayList<>();
        for (int f = 0; f < frameCount; f++) {
            double start = centredStart(f * SlotPrediction.FRAME_SECONDS);
            if (centred.isEmpty() || centred.getLast() != start) {
                centred.add(start);
            }
        }
        TreeSet<Double> starts = new TreeSet<>(inside);
        starts.addAll(centred);
        TreeMap<Double, List<Slot>> windows = run(clip, List.copyOf(starts), task);

        List<SlotPrediction.SlotFrame> frames = new ArrayList<>();
        for (int f = 0; f < frameCount; f++) {
            double t = f * SlotPrediction.FRAME_SECONDS;
            frames.add(new SlotPrediction.SlotFrame(t, windows.get(centredStart(t))));
        }
        List<Slot> clipSlots = inside.size() == 1 ? windows.get(inside.getFirst())
                : SlotStitching.stitch(inside.stream().map(windows::get).toList(), model.config().slots() - 1);
        SlotPrediction whole = SlotPrediction.of(clipSlots);
        return new SlotPrediction(whole.slots(), whole.count(), frames);
    }

    /** Starts of the windows lying inside the clip: one at 0 for a short clip, else every hop and one ending at the end. */
    private List<Double> insideStarts(double duration) {
        List<Double> starts = new ArrayList<>();
        for (int k = 0; k * WINDOW_HOP_SECONDS + windowSeconds <= duration + 1e-9 || k == 0; k++) {
            starts.add(k * WINDOW_HOP_SECONDS);
        }
        double last = duration - windowSeconds;
        if (last > starts.getLast() + 1e-9) {
            starts.add(last);
        }
        return starts;
    }

    /** Start of the window centred on the multiple of the hop nearest {@code t}. */
    private double centredStart(double t) {
        return Math.round(t / WINDOW_HOP_SECONDS) * WINDOW_HOP_SECONDS - windowSeconds / 2;
    }

    private TreeMap<Double, List<Slot>> run(AudioClip clip, List<Double> starts, TaskContext task) {
        TreeMap<Double, List<Slot>> slots = new TreeMap<>();
        for (int i = 0; i < starts.size(); i += WINDOW_BATCH) {
            task.checkCancelled();
            task.progress(i / (double) starts.size(), "window " + (i + 1) + " / " + starts.size());
            List<Double> batch = starts.subList(i, Math.min(starts.size(), i + WINDOW_BATCH));
            List<ClipFeatures> input = new ArrayList<>();
            for (double start : batch) {
                input.add(features.window(clip, start, windowSeconds));
            }
            List<List<Slot>> out = slots(input);
            for (int j = 0; j < batch.size(); j++) {
                slots.put(batch.get(j), out.get(j));
            }
        }
        task.progress(1, "windows done");
        return slots;
    }

    /** Slots of clips of equal length, in inference mode. */
    public List<List<Slot>> slots(List<ClipFeatures> clips) {
        try (NDManager step = model.manager().newSubManager()) {
            FeatureBatch batch = FeatureBatch.of(step, clips);
            EncoderOutput out = model.block().apply(new ParameterStore(step, false), batch.map(), batch.logMel(), false);
            return SlotDecoding.decode(out, model.classes());
        }
    }

    /** Frees the model; waits for a prediction under way. Later predictions fail. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            model.close();
        }
    }

    /** Whether {@link #close} has run. */
    public synchronized boolean isClosed() {
        return closed;
    }
}
