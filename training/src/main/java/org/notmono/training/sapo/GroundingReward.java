package org.notmono.training.sapo;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Audio grounding (TWNM: "detecting auditory keywords"): the reasoning and answer name what was
 * heard and where, in words of hearing, direction, distance and room. The score is the number of
 * distinct keywords used, divided by {@link #ENOUGH} and capped at 1, so repeating one word earns
 * nothing more.
 */
public final class GroundingReward implements RewardPart {
    /** Distinct keywords that earn the full score. */
    public static final int ENOUGH = 3;
    /** The keywords (whole words, any case). */
    public static final List<String> KEYWORDS = List.of(
            "sound", "sounds", "hear", "heard", "audio", "audible", "loud", "quiet", "echo", "reverberant", "reverberation",
            "left", "right", "front", "behind", "above", "below", "ear", "azimuth", "elevation", "direction",
            "metre", "metres", "meter", "meters", "distance", "close", "closer", "far", "farther", "near", "nearer", "away",
            "room", "wall", "walls", "ceiling", "floor");
    private static final Pattern WORD = Pattern.compile("[a-z]+");

    @Override
    public String name() {
        return "grounding";
    }

    @Override
    public double score(Attempt attempt) {
        Set<String> used = new HashSet<>();
        Matcher m = WORD.matcher(attempt.text().replaceAll("</?(think|answer)>", " ").toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (KEYWORDS.contains(m.group())) {
                used.add(m.group());
            }
        }
        return Math.min(1, used.size() / (double) ENOUGH);
    }
}
