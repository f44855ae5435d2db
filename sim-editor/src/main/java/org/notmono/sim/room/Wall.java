package org.notmono.sim.room;

import java.util.Locale;

/** The six walls, named as pyroomacoustics names them. */
public enum Wall {
    WEST, EAST, SOUTH, NORTH, FLOOR, CEILING;

    /** The lower-case JSON name. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The axis the wall is perpendicular to (0 = x, 1 = y, 2 = z). */
    public int axis() {
        return ordinal() / 2;
    }

    /** True for the wall at the far end of its axis (east, north, ceiling). */
    public boolean upper() {
        return ordinal() % 2 == 1;
    }
}
