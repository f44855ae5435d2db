package org.notmono.sim.scene;

import org.notmono.sim.room.Shoebox;

/** The TWNM room size and reverberation categories (DESIGN.md, simulation defaults). */
public final class RoomCategory {

    private RoomCategory() {
    }

    /** small (up to 5 x 5 x 3 m), medium (up to 10 x 10 x 4 m) or large, by volume. */
    public static String size(Shoebox room) {
        double v = room.volume();
        return v <= 5 * 5 * 3 ? "small" : v <= 10 * 10 * 4 ? "medium" : "large";
    }

    /** wet (mean absorption below 0.15), moderate (below 0.4) or dry. */
    public static String reverb(double meanAbsorption) {
        return meanAbsorption < 0.15 ? "wet" : meanAbsorption < 0.4 ? "moderate" : "dry";
    }
}
