package org.notmono.sim.scene;

import java.util.List;

/**
 * What a localizer says about a clip: its slots and its source count estimate, and optionally
 * the same frame by frame (100 ms steps, the STARSS23 rate).
 *
 * @param count  the predicted number of sources (the encoder: existing slots; the DSP
 *               localizer: its own estimate)
 * @param frames empty when the prediction is for the whole clip only
 */
public record SlotPrediction(List<Slot> slots, int count, List<SlotFrame> frames) {

    public static final double FRAME_SECONDS = 0.1;

    public SlotPrediction {
        slots = List.copyOf(slots);
        frames = List.copyOf(frames);
        if (count < 0) {
            throw new IllegalArgumentException("source count must not be negative, got " + count);
        }
    }

    /** A whole-clip prediction whose count is its number of existing slots. */
    public static SlotPrediction of(List<Slot> slots) {
        return new SlotPrediction(slots, (int) slots.stream().filter(Slot::exists).count(), List.of());
    }

    /** The slots at {@code t} seconds: the nearest frame's, or the whole clip's without frames. */
    public List<Slot> slotsAt(double t) {
        if (frames.isEmpty()) {
            return slots;
        }
        int i = (int) Math.round(t / FRAME_SECONDS);
        return frames.get(Math.clamp(i, 0, frames.size() - 1)).slots();
    }

    public List<Slot> existingSlots() {
        return slots.stream().filter(Slot::exists).toList();
    }

    /** The slots at time {@code t} seconds. */
    public record SlotFrame(double t, List<Slot> slots) {
        public SlotFrame {
            slots = List.copyOf(slots);
        }
    }
}
