package org.notmono.sim.scene;

import java.util.Locale;

/**
 * DESIGN.md's directions in words, the one table every user of them reads (the QA generator, the
 * RTSD text): front |az| &lt; 45; left 45 &lt;= az &lt; 135; right -135 &lt; az &lt;= -45; behind
 * |az| &gt;= 135; above el &gt; 20, below el &lt; -20, ear height in between (questions name it
 * only within 10 degrees of the horizontal).
 */
public final class DirectionWords {
    /** Degrees of azimuth where front ends and left or right begins, on either side. */
    public static final int FRONT_EDGE = 45;
    /** Degrees of azimuth where left or right ends and behind begins, on either side. */
    public static final int BACK_EDGE = 135;
    public static final double ABOVE = 20;
    public static final double EAR = 10;
    /** Sources at least this high are "overhead" rather than just "above"; questions avoid them. */
    public static final double OVERHEAD = 60;

    private DirectionWords() {
    }

    /**
     * A direction word: its {@link #id() id} (the lower-case constant name, as RTSD and QA write it)
     * and its {@link #words() words} ("to your left"), both read from the one table below.
     */
    public sealed interface Word permits Sector, Height {
        /** The enum constant's name. */
        String name();

        /** "left", "ear": the constant's name in lower case (the enums keep it, as QA asks for it often). */
        default String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** "to your left", "at about ear height". */
        default String words() {
            return switch (this) {
                case Sector.FRONT -> "in front of you";
                case Sector.LEFT -> "to your left";
                case Sector.RIGHT -> "to your right";
                case Sector.BEHIND -> "behind you";
                case Height.ABOVE -> "above you";
                case Height.EAR -> "at about ear height";
                case Height.BELOW -> "below you";
                case Height.OVERHEAD -> "directly overhead";
            };
        }
    }

    /** The four horizontal sectors around the listener. */
    public enum Sector implements Word {
        FRONT, LEFT, RIGHT, BEHIND;

        private final String id = Word.super.id();

        @Override
        public String id() {
            return id;
        }

        /** The sector whose {@link #id()} is {@code id}; an unknown one is an IllegalArgumentException. */
        public static Sector of(String id) {
            return byId(values(), "sector", id);
        }
    }

    /** Heights relative to the ears. */
    public enum Height implements Word {
        ABOVE, EAR, BELOW, OVERHEAD;

        private final String id = Word.super.id();

        @Override
        public String id() {
            return id;
        }

        /** The height whose {@link #id()} is {@code id}; an unknown one is an IllegalArgumentException. */
        public static Height of(String id) {
            return byId(values(), "height", id);
        }
    }

    private static <W extends Word> W byId(W[] words, String kind, String id) {
        for (W w : words) {
            if (w.id().equals(id)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown " + kind + " " + id);
    }

    /** The sector of an azimuth by DESIGN.md's thresholds. */
    public static Sector sector(double azimuth) {
        double az = Angles.wrapAzimuth(azimuth);
        if (Math.abs(az) < FRONT_EDGE) {
            return Sector.FRONT;
        }
        if (az >= FRONT_EDGE && az < BACK_EDGE) {
            return Sector.LEFT;
        }
        if (az > -BACK_EDGE && az <= -FRONT_EDGE) {
            return Sector.RIGHT;
        }
        return Sector.BEHIND;
    }

    /** The nearest height word for any elevation (for perceived directions, which have no margin). */
    public static Height height(double elevation) {
        if (elevation >= OVERHEAD) {
            return Height.OVERHEAD;
        }
        if (elevation > ABOVE) {
            return Height.ABOVE;
        }
        return elevation < -ABOVE ? Height.BELOW : Height.EAR;
    }
}
