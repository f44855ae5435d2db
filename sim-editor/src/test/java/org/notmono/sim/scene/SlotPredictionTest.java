package org.notmono.sim.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class SlotPredictionTest {
    private static final Slot FRONT = Slot.direction(0, 0, 0.9);
    private static final Slot LEFT = Slot.direction(90, 0, 0.8);
    private static final Slot BEHIND = Slot.direction(-180, 10, 0.7);

    @Test
    void withoutFramesEveryMomentHasTheWholeClipsSlots() {
        SlotPrediction p = SlotPrediction.of(List.of(FRONT, LEFT));
        assertEquals(List.of(FRONT, LEFT), p.slotsAt(0));
        assertEquals(List.of(FRONT, LEFT), p.slotsAt(12.3));
        assertEquals(2, p.count());
    }

    @Test
    void withFramesAMomentTakesTheNearestFrameAndTheEndsHold() {
        SlotPrediction p = new SlotPrediction(List.of(FRONT), 1, List.of(
                new SlotPrediction.SlotFrame(0.0, List.of(FRONT)),
                new SlotPrediction.SlotFrame(0.1, List.of(LEFT)),
                new SlotPrediction.SlotFrame(0.2, List.of(BEHIND))));
        assertEquals(List.of(FRONT), p.slotsAt(0.04));
        assertEquals(List.of(LEFT), p.slotsAt(0.06), "0.06 s is nearer the frame at 0.1 s");
        assertEquals(List.of(LEFT), p.slotsAt(0.14));
        assertEquals(List.of(BEHIND), p.slotsAt(0.16));
        assertEquals(List.of(BEHIND), p.slotsAt(5), "after the last frame, the last frame's slots");
        assertEquals(List.of(FRONT), p.slotsAt(-1), "before the first, the first's");
    }
}
