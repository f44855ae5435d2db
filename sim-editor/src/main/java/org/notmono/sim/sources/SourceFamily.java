package org.notmono.sim.sources;

import java.util.Locale;

/** The three source families of TWNM, mixed 5 : 3 : 2 in random scenes. */
public enum SourceFamily {
    ENVIRONMENTAL, SPEECH, MUSIC;

    /** The lower-case name used in JSON files ("environmental", "speech", "music"). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the JSON name; throws IllegalArgumentException naming the valid values. */
    public static SourceFamily fromId(String id) {
        for (SourceFamily f : values()) {
            if (f.id().equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown source family '" + id + "' (expected environmental, speech or music)");
    }
}
