package org.notmono.sim.scene;

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

    /** The four horizontal sectors around the listener. */
    public enum Sector {
        FRONT("front", "in front of you"), LEFT("left", "to your left"), RIGHT("right", "to your right"),
        BEHIND("behind", "behind you");

        private final String id;
        private final String words;

        Sector(String id, String words) {
            this.id = id;
            this.words = words;
        }

        public String id() {
            return id;
        }

        /** "to your left". */
        public String words() {
            return words;
        }

        public static Sector of(String id) {
            for (Sector s : values()) {
                if (s.id.equals(id)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown sector " + id);
        }
    }

    /** Heights relative to the ears. */
    public enum Height {
        ABOVE("above", "above you"), EAR("ear", "at about ear height"), BELOW("below", "below you"),
        OVERHEAD("overhead", "directly overhead");

        private final String id;
        private final String words;

        Height(String id, String words) {
            this.id = id;
            this.words = words;
        }

        public String id() {
            return id;
        }

        public String words() {
            return words;
        }

        public static Height of(String id) {
            for (Height h : values()) {
                if (h.id.equals(id)) {
                    return h;
                }
            }
            throw new IllegalArgumentException("unknown height " + id);
        }
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
