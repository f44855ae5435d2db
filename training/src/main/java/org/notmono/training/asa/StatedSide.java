package org.notmono.training.asa;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which side the first azimuth an answer states is on, against the first azimuth of the item's own
 * reasoning: a diagnostic of whether a model tells left from right (decision record 0005). A
 * positive azimuth is to the left, a negative one to the right; an item whose azimuth lies within
 * {@value #CLEAR_OF_AXIS} degrees of the front-back line is not compared, since a small error
 * there flips the sign without changing where the source is.
 */
public final class StatedSide {
    /** Degrees off the front-back line an item's azimuth needs for its sign to be compared. */
    public static final int CLEAR_OF_AXIS = 20;
    private static final Pattern AZIMUTH = Pattern.compile("azimuth (?:of )?(-?\\d+) degrees");

    /**
     * One answer's first stated azimuth beside the item's.
     *
     * @param stated   the answer states an azimuth
     * @param leftward it is positive (to the left)
     * @param compared the item's reasoning states one clear of the front-back line
     * @param agrees   compared, and both are on the same side
     */
    public record Reading(boolean stated, boolean leftward, boolean compared, boolean agrees) {
    }

    private StatedSide() {
    }

    /** @param itemThink the item's reasoning, null for open items */
    public static Reading read(String answer, String itemThink) {
        Integer said = firstAzimuth(answer);
        Integer truth = itemThink == null ? null : firstAzimuth(itemThink);
        boolean compared = said != null && truth != null && Math.abs(truth) >= CLEAR_OF_AXIS && Math.abs(truth) <= 180 - CLEAR_OF_AXIS;
        return new Reading(said != null, said != null && said > 0, compared, compared && said > 0 == truth > 0);
    }

    /** The first "azimuth of N degrees" or "azimuth N degrees" in {@code text}, or null. */
    static Integer firstAzimuth(String text) {
        Matcher m = AZIMUTH.matcher(text);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }
}
