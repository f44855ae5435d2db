package org.notmono.sim.room;

import java.util.EnumMap;
import java.util.Map;

/**
 * Energy absorption coefficient of each wall, each in (0, 1].
 */
public record Absorption(double west, double east, double south, double north, double floor, double ceiling) {

    public Absorption {
        for (Wall w : Wall.values()) {
            double a = get(w, west, east, south, north, floor, ceiling);
            if (!(a > 0 && a <= 1)) {
                throw new IllegalArgumentException("absorption of the " + w.id() + " wall is " + a
                        + "; energy absorption must be in (0, 1]");
            }
        }
    }

    public static Absorption uniform(double a) {
        if (!(a > 0 && a <= 1)) {
            throw new IllegalArgumentException("absorption " + a + " is outside (0, 1]; use e.g. 0.2");
        }
        return new Absorption(a, a, a, a, a, a);
    }

    public double get(Wall w) {
        return get(w, west, east, south, north, floor, ceiling);
    }

    private static double get(Wall w, double west, double east, double south, double north, double floor, double ceiling) {
        return switch (w) {
            case WEST -> west;
            case EAST -> east;
            case SOUTH -> south;
            case NORTH -> north;
            case FLOOR -> floor;
            case CEILING -> ceiling;
        };
    }

    public boolean isUniform() {
        return west == east && east == south && south == north && north == floor && floor == ceiling;
    }

    /** Total absorption area sum(S_i a_i) in m^2 for the given room. */
    public double absorptionArea(Shoebox room) {
        return (west + east) * room.ly() * room.lz()
                + (south + north) * room.lx() * room.lz()
                + (floor + ceiling) * room.lx() * room.ly();
    }

    /** Area-weighted mean absorption. */
    public double mean(Shoebox room) {
        return absorptionArea(room) / room.surface();
    }

    public Map<Wall, Double> asMap() {
        Map<Wall, Double> m = new EnumMap<>(Wall.class);
        for (Wall w : Wall.values()) {
            m.put(w, get(w));
        }
        return m;
    }
}
