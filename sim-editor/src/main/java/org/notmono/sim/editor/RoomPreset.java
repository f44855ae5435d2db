package org.notmono.sim.editor;

import java.util.Arrays;
import java.util.Locale;

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

    /** The category's name alone: "Medium". */
    public String title() {
        return title;
    }

    /** What the preset box says for a room: the preset it is, with its size, or "Custom" and the size. */
    public static String describe(Shoebox room) {
        return Arrays.stream(values()).filter(p -> p.size.equals(room)).findFirst().map(RoomPreset::toString)
                .orElse("Custom " + dimensions(room));
    }

    private static String dimensions(Shoebox r) {
        return String.format(Locale.ROOT, "%s x %s x %s m", metres(r.lx()), metres(r.ly()), metres(r.lz()));
    }

    private static String metres(double m) {
        return String.format(Locale.ROOT, "%.2f", m).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** "Medium 7.5 x 7.5 x 3.5 m". */
    @Override
    public String toString() {
        return title + " " + dimensions(size);
    }
}
