package org.notmono.viewer.ui;

import javafx.scene.paint.Color;

import org.notmono.sim.scene.Slot;

/**
 * Colours of predicted slots, the same in every view: one per class when the predictor names
 * classes (the spatial encoder), else one per slot (the DSP localizer).
 */
final class SlotColours {
    private static final Color[] PALETTE = {Color.web("#ff5c8a"), Color.web("#4cc9f0"), Color.web("#f9c74f"),
        Color.web("#90be6d"), Color.web("#f3722c"), Color.web("#b388eb"), Color.web("#43aa8b"), Color.web("#ff99c8"),
        Color.web("#f8961e"), Color.web("#8ecae6"), Color.web("#e9ff70"), Color.web("#00f5d4")};

    private SlotColours() {
    }

    static Color of(Slot slot, int index) {
        int key = slot.classId() == null ? index : Math.floorMod(slot.classId().hashCode(), PALETTE.length);
        return PALETTE[key % PALETTE.length];
    }

    /** What a slot's label says: its class and distance where predicted. */
    static String label(Slot slot) {
        String name = slot.classId() == null ? "" : slot.classId();
        String distance = slot.distance() == null ? "" : String.format(java.util.Locale.ROOT, " %.1f m", slot.distance());
        return (name + distance).strip();
    }
}
