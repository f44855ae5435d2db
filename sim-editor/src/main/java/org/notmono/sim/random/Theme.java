package org.notmono.sim.random;

import java.util.List;
import java.util.Map;

/**
 * A kind of place a random scene can be (DESIGN.md, themes): the classes it draws with their
 * weights, how likely each room size and reverberation category is, and the activities its
 * sounds can imply (for causal-intent questions).
 *
 * @param id      e.g. {@code kitchen}
 * @param name    words for it, with an article: "a kitchen"
 * @param classes class id to drawing weight, in file order
 * @param rooms   room size category (small, medium, large) to probability
 * @param reverb  reverberation category (wet, moderate, dry) to probability
 */
public record Theme(String id, String name, Map<String, Double> classes, Map<String, Double> rooms,
                    Map<String, Double> reverb, List<Activity> activities) {

    public Theme {
        activities = List.copyOf(activities);
    }

    /**
     * Something going on that the theme's sounds imply.
     *
     * @param text the activity in words
     * @param cues the classes whose presence implies it
     */
    public record Activity(String text, List<String> cues) {
        public Activity {
            cues = List.copyOf(cues);
        }
    }
}
