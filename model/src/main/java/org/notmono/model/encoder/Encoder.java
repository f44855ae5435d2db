package org.notmono.model.encoder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import org.notmono.audio.AudioClip;
import org.notmono.sim.scene.Slot;
import org.notmono.sim.scene.SlotPrediction;
import org.notmono.sim.scene.SlotPredictor;
import org.notmono.task.TaskContext;

/**
 * Inference for the app and the CLI: FOA clip in, slot predictions out. Clips up to
 * {@link #WHOLE_CLIP_SECONDS} are encoded in one pass; clips longer than the training window
 * also get frame-wise slots at 100 ms steps, each frame taking the window centred nearest it.
 */
public final class Encoder implements SlotPredictor, AutoCloseable {
    /** Length of the clips the shipped encoders are trained on. */
    public static final double WINDOW_SECONDS = 4.0;
    /** Window hop for frame-wise predictions. */
    public static final double WINDOW_HOP_SECONDS = 1.0;
    /** Longer clips take their clip-level slots from their most populated window. */
    public static final double WHOLE_CLIP_SECONDS = 12.0;
    private static final int WINDOW_BATCH = 8;

    private final EncoderModel model;
    private final FeatureExtractor features;

    public Encoder(EncoderModel model) {
        this.model = model;
        this.features = new FeatureExtractor(model.config());
    }

    /** Loads a checkpoint folder on the default device. */
    public static Encoder load(Path checkpoint) throws IOException {
        return load(checkpoint, Engine.getInstance().defaultDevice());
    }

    /** Loads a checkpoint folder on {@code device}. */
    public static Encoder load(Path checkpoint, Device device) throws IOException {
        return new Encoder(EncoderCheckpoint.load(checkpoint, device));
    }

    /** The class vocabulary of the class head. */
    public List<String> classes() {
        return model.classes();
    }

    @Override
    public String name() {
        return "Spatial encoder (" + model.config().name() + ")";
    }

    /** The encoder that ships in the assets, on the default device; empty when the assets carry none. */
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
        ClipFeatures all = features.extract(clip);
        int windowFrames = model.config().frames((int) (WINDOW_SECONDS * model.config().sampleRate()));
        if (clip.duration() <= WINDOW_SECONDS + 1e-9) {
            return SlotPrediction.of(slots(List.of(all)).getFirst());
        }
        int hopFrames = (int) Math.round(WINDOW_HOP_SECONDS * model.config().sampleRate() / model.config().hop());
        List<Integer> starts = new ArrayList<>();
        for (int s = 0; s + windowFrames <= all.frames(); s += hopFrames) {
            starts.add(s);
        }
        if (starts.getLast() + windowFrames < all.frames()) {
            starts.add(all.frames() - windowFrames);
        }
        List<List<Slot>> windows = new ArrayList<>();
        for (int i = 0; i < starts.size(); i += WINDOW_BATCH) {
            task.checkCancelled();
            task.progress(i / (double) starts.size(), "window " + (i + 1) + " / " + starts.size());
            List<ClipFeatures> batch = new ArrayList<>();
            for (int s : starts.subList(i, Math.min(starts.size(), i + WINDOW_BATCH))) {
                batch.add(all.crop(s, windowFrames));
            }
            windows.addAll(slots(batch));
        }
        double secondsPerFrame = model.config().hop() / (double) model.config().sampleRate();
        List<SlotPrediction.SlotFrame> frames = new ArrayList<>();
        int frameCount = (int) Math.ceil(clip.duration() / SlotPrediction.FRAME_SECONDS - 1e-9);
        for (int f = 0; f < frameCount; f++) {
            double t = f * SlotPrediction.FRAME_SECONDS;
            int nearest = 0;
            for (int w = 1; w < starts.size(); w++) {
                double centre = (starts.get(w) + windowFrames / 2.0) * secondsPerFrame;
                double best = (starts.get(nearest) + windowFrames / 2.0) * secondsPerFrame;
                if (Math.abs(centre - t) < Math.abs(best - t)) {
                    nearest = w;
                }
            }
            frames.add(new SlotPrediction.SlotFrame(t, windows.get(nearest)));
        }
        List<Slot> clipSlots = clip.duration() <= WHOLE_CLIP_SECONDS ? slots(List.of(all)).getFirst() : mostPopulated(windows);
        SlotPrediction whole = SlotPrediction.of(clipSlots);
        return new SlotPrediction(whole.slots(), whole.count(), frames);
    }

    private static List<Slot> mostPopulated(List<List<Slot>> windows) {
        List<Slot> best = windows.getFirst();
        for (List<Slot> w : windows) {
            if (w.stream().filter(Slot::exists).count() > best.stream().filter(Slot::exists).count()) {
                best = w;
            }
        }
        return best;
    }

    /** Slots of clips of equal length, in inference mode. */
    public List<List<Slot>> slots(List<ClipFeatures> clips) {
        try (NDManager step = model.manager().newSubManager()) {
            FeatureBatch batch = FeatureBatch.of(step, clips);
            EncoderOutput out = model.block().apply(new ParameterStore(step, false), batch.map(), batch.logMel(), false);
            return SlotDecoding.decode(out, model.classes());
        }
    }

    /** Frees the model; waits for a prediction under way. */
    @Override
    public synchronized void close() {
        model.close();
    }
}
