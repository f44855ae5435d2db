package org.notmono.sim.scene;

import java.util.List;
import org.notmono.sim.room.Shoebox;

/** The TWNM room size and reverberation categories (DESIGN.md, simulation defaults), and the words that name them. */
public final class RoomCategory {
    /** The size categories, smallest first. */
    public static final List<String> SIZES = List.of("small", "medium", "large");
    /** The reverberation categories, most reverberant first. */
    public static final List<String> REVERBS = List.of("wet", "moderate", "dry");
    /** Mean absorption below which a room is wet. */
    public static final double WET_BELOW = 0.15;
    /** Mean absorption below which a room that is not wet is moderate. */
    public static final double MODERATE_BELOW = 0.4;
    /** Surface (m^2) of the largest small room, the 5 x 5 x 3 m box: no small room has more. */
    public static final double SMALL_MAX_SURFACE = boxSurface(5, 5, 3);
    /** Surface (m^2) of the largest medium room, the 10 x 10 x 4 m box: no medium room has more. */
    public static final double MEDIUM_MAX_SURFACE = boxSurface(10, 10, 4);

    private RoomCategory() {
    }

    /** small (within 5 x 5 x 3 m), medium (within 10 x 10 x 4 m) or large. */
    public static String size(Shoebox room) {
        return fits(room, 5, 3) ? "small" : fits(room, 10, 4) ? "medium" : "large";
    }

    private static boolean fits(Shoebox room, double side, double height) {
        return room.lx() <= side && room.ly() <= side && room.lz() <= height;
    }

    private static double boxSurface(double x, double y, double z) {
        return 2 * (x * y + x * z + y * z);
    }

    /** wet (mean absorption below 0.15), moderate (below 0.4) or dry. */
    public static String reverb(double meanAbsorption) {
        return meanAbsorption < WET_BELOW ? "wet" : meanAbsorption < MODERATE_BELOW ? "moderate" : "dry";
    }

    /** The words a description gives a size category, after "a": "small", "medium-sized", "large". */
    public static String sizeWords(String size) {
        return switch (size) {
            case "small" -> "small";
            case "large" -> "large";
            default -> "medium-sized";
        };
    }

    /** The words a description gives a reverberation category: "highly reverberant", "moderately reverberant", "dry, absorptive". */
    public static String reverbWords(String reverb) {
        return switch (reverb) {
            case "wet" -> "highly reverberant";
            case "dry" -> "dry, absorptive";
            default -> "moderately reverberant";
        };
    }
}
