package org.notmono.training.asa;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.notmono.training.curriculum.OptionWalk;
import org.notmono.training.qa.Family;

/** Accuracy per family, per level and overall, as a table like TWNM table 3 and as JSON. */
public final class AsaReport {
    private final String answerer;
    private final Map<Family, int[]> perFamily = new EnumMap<>(Family.class); // {correct, total}
    private final Map<String, String> setup = new java.util.LinkedHashMap<>();
    private int withoutLetter;
    private int rightOptionText;
    private int walkingAnswers;
    private int answersFollowingWalk;
    private int walkLines;
    private int walkLinesCopied;
    private int azimuthsStated;
    private int azimuthsLeftward;
    private int sidesCompared;
    private int sidesAgreeing;
    private double seconds = Double.NaN;

    public AsaReport(String answerer) {
        this.answerer = answerer;
    }

    /**
     * Records one scored answer; {@code rightText}: it states the right option's text after its
     * letter (whatever the letter), counted beside the score, never in it.
     */
    public void add(Family family, boolean correct, boolean hadLetter, boolean rightText) {
        int[] c = perFamily.computeIfAbsent(family, f -> new int[2]);
        c[0] += correct ? 1 : 0;
        c[1]++;
        withoutLetter += hadLetter ? 0 : 1;
        rightOptionText += rightText ? 1 : 0;
    }

    /**
     * Records how an answer walked the options (decision record 0003), beside the score. An
     * answer without a walk adds nothing.
     */
    public void addWalk(OptionWalk.Summary walk) {
        if (walk.lines() == 0) {
            return;
        }
        walkingAnswers++;
        answersFollowingWalk += walk.letterFollowsWalk() ? 1 : 0;
        walkLines += walk.lines();
        walkLinesCopied += walk.copiedExactly();
    }

    /** Records the side of the first azimuth an answer states (decision record 0005), beside the score. */
    public void addSide(StatedSide.Reading side) {
        azimuthsStated += side.stated() ? 1 : 0;
        azimuthsLeftward += side.leftward() ? 1 : 0;
        sidesCompared += side.compared() ? 1 : 0;
        sidesAgreeing += side.agrees() ? 1 : 0;
    }

    /** Answers stating the right option's text after their letter, in percent (not the score), NaN without items. */
    public double rightOptionText() {
        return items() == 0 ? Double.NaN : 100.0 * rightOptionText / items();
    }

    /** Records how the run was set up (checkpoint, phrasings, limit...), written to results.json's "setup". */
    public void setup(String key, String value) {
        setup.put(key, value);
    }

    /** Records the seconds all answers took. */
    public void timing(double seconds) {
        this.seconds = seconds;
    }

    /** Seconds per answer, NaN when not timed or without items. */
    public double secondsPerItem() {
        return items() == 0 ? Double.NaN : seconds / items();
    }

    public String answerer() {
        return answerer;
    }

    /** Accuracy in percent of one family, NaN without items. */
    public double family(Family f) {
        int[] c = perFamily.get(f);
        return c == null ? Double.NaN : 100.0 * c[0] / c[1];
    }

    public double level(int level) {
        return share(perFamily.entrySet().stream().filter(e -> e.getKey().level() == level).map(Map.Entry::getValue).toList());
    }

    public double overall() {
        return share(perFamily.values().stream().toList());
    }

    public int items() {
        return perFamily.values().stream().mapToInt(c -> c[1]).sum();
    }

    public Map<Family, int[]> counts() {
        return perFamily;
    }

    private static double share(java.util.List<int[]> cs) {
        int right = cs.stream().mapToInt(c -> c[0]).sum(), total = cs.stream().mapToInt(c -> c[1]).sum();
        return total == 0 ? Double.NaN : 100.0 * right / total;
    }

    /** The per-family table, then the levels and the overall accuracy. */
    public String table() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "answerer: %s%n%-28s %-5s %6s %9s%n", answerer, "family", "level", "items", "accuracy"));
        for (Family f : Family.values()) {
            int[] c = perFamily.get(f);
            if (c != null) {
                b.append(String.format(Locale.ROOT, "%-28s L%-4d %6d %8.1f%%%n", f.title(), f.level(), c[1], family(f)));
            }
        }
        b.append(String.format(Locale.ROOT, "%-28s %-5s %6s %9s%n", "", "", "", ""));
        for (int level = 1; level <= 3; level++) {
            int l = level;
            int n = perFamily.entrySet().stream().filter(e -> e.getKey().level() == l).mapToInt(e -> e.getValue()[1]).sum();
            b.append(String.format(Locale.ROOT, "%-34s %6d %8.1f%%%n", Family.levelName(level), n, level(level)));
        }
        b.append(String.format(Locale.ROOT, "%-34s %6d %8.1f%%", "Overall", items(), overall()));
        if (items() > 0) {
            AccuracyInterval i = AccuracyInterval.wilson(perFamily.values().stream().mapToInt(c -> c[0]).sum(), items());
            b.append(String.format(Locale.ROOT, "   95%% interval %.1f-%.1f%%", i.low(), i.high()));
        }
        b.append(String.format("%n"));
        b.append(String.format(Locale.ROOT, "answers without a letter (scored wrong): %d%n", withoutLetter));
        if (rightOptionText > 0) {
            b.append(String.format(Locale.ROOT, "answers stating the right option's text, whatever their letter (not scored): %d (%.1f%%)%n",
                    rightOptionText, rightOptionText()));
        }
        if (walkingAnswers > 0) {
            b.append(String.format(Locale.ROOT, "answers walking the options: %d; their letter is the walk's \"yes\" in %d;"
                    + " walk lines copying the prompt's option exactly: %d of %d (%.1f%%)%n", walkingAnswers, answersFollowingWalk,
                    walkLinesCopied, walkLines, 100.0 * walkLinesCopied / walkLines));
        }
        if (azimuthsStated > 0) {
            b.append(String.format(Locale.ROOT, "answers stating an azimuth: %d, %d of them to the left (positive); on the item's side in %d"
                    + " of %d clear of the front-back line (%.1f%%)%n", azimuthsStated, azimuthsLeftward, sidesAgreeing, sidesCompared,
                    sidesCompared == 0 ? Double.NaN : 100.0 * sidesAgreeing / sidesCompared));
        }
        return b.toString();
    }

    public ObjectNode toJson(ObjectMapper mapper, String benchmark) {
        ObjectNode o = mapper.createObjectNode();
        o.put("answerer", answerer);
        o.put("benchmark", benchmark);
        o.put("items", items());
        o.put("overall", round(overall()));
        o.put("withoutLetter", withoutLetter);
        o.put("rightOptionText", rightOptionText);
        if (walkingAnswers > 0) {
            o.putObject("walk").put("answers", walkingAnswers).put("letterFollowsWalk", answersFollowingWalk).put("lines", walkLines)
                    .put("linesCopiedExactly", walkLinesCopied);
        }
        if (azimuthsStated > 0) {
            o.putObject("side").put("answersStatingAzimuth", azimuthsStated).put("leftward", azimuthsLeftward).put("compared", sidesCompared)
                    .put("agreeing", sidesAgreeing);
        }
        if (!setup.isEmpty()) {
            ObjectNode s = o.putObject("setup");
            setup.forEach(s::put);
        }
        if (!Double.isNaN(seconds)) {
            o.put("seconds", round(seconds));
            o.put("secondsPerItem", Math.round(secondsPerItem() * 1000) / 1000.0);
        }
        ObjectNode levels = o.putObject("levels");
        for (int level = 1; level <= 3; level++) {
            levels.put("L" + level, round(level(level)));
        }
        ObjectNode families = o.putObject("families");
        perFamily.forEach((f, c) -> {
            ObjectNode x = families.putObject(f.id());
            x.put("level", f.level());
            x.put("items", c[1]);
            x.put("correct", c[0]);
            x.put("accuracy", round(family(f)));
        });
        return o;
    }

    private static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 100) / 100.0;
    }
}
