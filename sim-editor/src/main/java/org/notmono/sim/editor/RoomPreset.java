package org.notmono.sim.editor;

import org.notmono.sim.room.Shoebox;

/** The TWNM room size categories (DESIGN.md) as editor presets: the middle of each range. */
public enum RoomPreset {
    SMALL("Small", new Shoebox(4, 4, 2.75)),
    MEDIUM("Medium", new Shoebox(7.5, 7.5, 3.5)),
    LARGE("Large", new Shoebox(15, 15, 5));

    private final String title;
    private final Shoebox size;

    RoomPreset(String title, Shoebox size) {
        this.title = title;
        this.size = size;
    }

    public Shoebox size() {
        return size;
    }

    @Override
    public String toString() {
        return title;
    }
}
