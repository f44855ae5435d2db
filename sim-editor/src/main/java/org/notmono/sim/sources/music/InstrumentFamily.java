package org.notmono.sim.sources.music;

import java.util.List;
import java.util.Locale;

/**
 * Instrument families the music generator writes for, each with the General MIDI programs it
 * may choose from. The lower-case name is the class id in {@code assets/classes.json}.
 */
public enum InstrumentFamily {
    PIANO(List.of(0, 1, 2, 4)),
    GUITAR(List.of(24, 25, 26, 27)),
    STRINGS(List.of(40, 41, 42, 48, 49)),
    BRASS(List.of(56, 57, 60, 61)),
    WOODWIND(List.of(65, 68, 71, 73)),
    ORGAN(List.of(16, 19, 21)),
    /** General MIDI percussion on channel 10; the program picks the drum kit. */
    DRUMS(List.of(0));

    private final List<Integer> programs;

    InstrumentFamily(List<Integer> programs) {
        this.programs = programs;
    }

    /** General MIDI program numbers (0-based) of this family. */
    public List<Integer> programs() {
        return programs;
    }

    /** The class id, e.g. "piano". */
    public String classId() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isPercussion() {
        return this == DRUMS;
    }
}
