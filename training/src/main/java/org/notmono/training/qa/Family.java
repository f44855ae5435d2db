package org.notmono.training.qa;

import java.util.Locale;

/** The 18 task families of TWNM appendix C, each at its ASA level (1 perception, 2 integration, 3 reasoning). */
public enum Family {
    COUNT("count", 1, "Count objects"),
    EVENT_CLASS("event_class", 1, "Identify event class"),
    TRANSCRIPT("transcript", 1, "Identify speech transcript"),
    AZIMUTH("azimuth", 1, "Localize azimuth"),
    ELEVATION("elevation", 1, "Localize elevation"),
    DISTANCE("distance", 1, "Estimate distance"),
    ROOM("room", 1, "Environment acoustics"),
    ATTRIBUTE("attribute", 2, "Attribute verification"),
    LOCATION_OF("location_of", 2, "Query location given ID"),
    ID_AT("id_at", 2, "Query ID given location"),
    RELATIVE_DISTANCE("relative_distance", 2, "Relative distance"),
    RELATIVE_DIRECTION("relative_direction", 2, "Relative direction"),
    ABDUCTION("abduction", 3, "Scene abduction"),
    INTENT("intent", 3, "Causal intent"),
    ROTATE("rotate", 3, "Rotate observer"),
    REMOVAL("removal", 3, "Source removal"),
    MULTIHOP("multihop", 3, "Multi-hop query"),
    PHYSICS("physics", 3, "Physical consistency");

    private final String id;
    private final int level;
    private final String title;

    Family(String id, int level, String title) {
        this.id = id;
        this.level = level;
        this.title = title;
    }

    /** The id in item files and on the command line, e.g. {@code relative_distance}. */
    public String id() {
        return id;
    }

    public int level() {
        return level;
    }

    /** TWNM's name of the family, e.g. "Relative distance". */
    public String title() {
        return title;
    }

    /** The family of an id, case-insensitive, dashes allowed for underscores. */
    public static Family of(String id) {
        String key = id.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Family f : values()) {
            if (f.id.equals(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown task family '" + id + "'");
    }

    /** The level's name as TWNM table 3 gives it. */
    public static String levelName(int level) {
        return switch (level) {
            case 1 -> "L1 Perception";
            case 2 -> "L2 Integration";
            case 3 -> "L3 Reasoning";
            default -> throw new IllegalArgumentException("no level " + level);
        };
    }
}
