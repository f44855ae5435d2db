package org.notmono.sim.editor;

import java.util.Locale;

import org.notmono.sim.room.Absorption;
import org.notmono.sim.scene.Scene;

/** The TWNM reverberation categories (DESIGN.md) as presets: the middle of each absorption range. */
public enum ReverbPreset {
    WET("Wet", 0.10),
    MODERATE("Moderate", 0.275),
    DRY("Dry", 0.60);

    private final String title;
    private final double absorption;

    ReverbPreset(String title, double absorption) {
        this.title = title;
        this.absorption = absorption;
    }

    /** Uniform energy absorption of every wall. */
    public double absorption() {
        return absorption;
    }

    /** The category's name alone: "Medium". */
    public String title() {
        return title;
    }

    /** What the preset box says for a room: the preset whose walls it has, or "Custom" and its mean absorption. */
    public static String describe(Scene.Room room) {
        if (room.rt60() == null) {
            for (ReverbPreset p : values()) {
                if (room.absorption().equals(Absorption.uniform(p.absorption))) {
                    return p.toString();
                }
            }
        }
        return room.rt60() != null ? String.format(Locale.ROOT, "Custom, RT60 %.2f s", room.rt60())
                : String.format(Locale.ROOT, "Custom, absorption %.2f", room.absorption().mean(room.size()));
    }

    /** "Moderate, absorption 0.275". */
    @Override
    public String toString() {
        return title + ", absorption " + String.format(Locale.ROOT, "%.3f", absorption).replaceAll("0+$", "");
    }
}
