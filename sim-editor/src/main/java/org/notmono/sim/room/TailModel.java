package org.notmono.sim.room;

import java.util.Locale;

/** Which reverberation-time formula the diffuse tail decays with, or no tail. */
public enum TailModel {
    NONE, SABINE, EYRING;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TailModel fromId(String id) {
        for (TailModel t : values()) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown tail '" + id + "' (expected none, sabine or eyring)");
    }
}
