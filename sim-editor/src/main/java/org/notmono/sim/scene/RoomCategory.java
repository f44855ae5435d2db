package org.notmono.sim.scene;

import org.notmono.sim.room.Shoebox;

/** The TWNM room size and reverberation categories (DESIGN.md, simulation defaults). */
public final class RoomCategory {

    private RoomCategory() {
    }

    /** small (within 5 x 5 x 3 m), medium (within 10 x 10 x 4 m) or large. */
    public static String size(Shoebox room) {
        return fits(room, 5, 3) ? "small" : fits(room, 10, 4) ? "medium" : "large";
    }

    private static boolean fits(Shoebox room, double side, double height) {
        return room.lx() <= side && room.ly() <= side && room.lz() <= height;
    }

    /** wet (mean absorption below 0.15), moderate (below 0.4) or dry. */
    public static String reverb(double meanAbsorption) {
        return meanAbsorption < 0.15 ? "wet" : meanAbsorption < 0.4 ? "moderate" : "dry";
    }
}
