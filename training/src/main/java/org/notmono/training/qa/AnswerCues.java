package org.notmono.training.qa;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a reader of an item could learn to exploit without hearing the clip, were it skewed
 * across a family's items: the category of the right answer (the height for elevation, the
 * number for count, the sector for claims about a place...) and, when the options carry
 * numbers (distances, counts), the rank of the right option's number among those offered.
 * {@link AnswerBalance} keeps each of them from dominating a family.
 */
final class AnswerCues {
    /** Share of a family's items one answer category or rank may hold, in percent. */
    static final int CAP_PERCENT = 40;
    /** The cap of a rank among two numbers: 40% would leave no room for the other. */
    static final int CAP_OF_TWO_PERCENT = 60;

    /**
     * A cue of an item.
     *
     * @param kind       {@code answer} ({@code size} and {@code reverb} for rooms) or {@code rank}
     * @param value      the category, or the rank as {@code 2/4} (third smallest of four numbers)
     * @param capPercent the largest share of a family's items that may have this value
     */
    record Cue(String kind, String value, int capPercent) {
    }

    private AnswerCues() {
    }

    static List<Cue> of(QaItem q) {
        List<String> values = q.query().values();
        String right = values.get(Math.max(0, q.answerIndex()));
        List<Cue> cues = new ArrayList<>(categories(q.family(), right));
        int field = numberField(q.family());
        if (q.options() != null && field >= 0) {
            double[] numbers = new double[values.size()];
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] = number(values.get(i), field);
            }
            // the right number's rank among the different numbers offered, smallest first
            Arrays.sort(numbers);
            double x = number(right, field);
            int distinct = 0, rank = 0;
            for (int i = 0; i < numbers.length; i++) {
                if (i == 0 || Double.compare(numbers[i], numbers[i - 1]) != 0) {
                    distinct++;
                    if (Double.compare(numbers[i], x) < 0) {
                        rank++;
                    }
                }
            }
            cues.add(new Cue("rank", rank + "/" + distinct, distinct == 2 ? CAP_OF_TWO_PERCENT : CAP_PERCENT));
        }
        return cues;
    }

    /**
     * The categories of a right answer's canonical value: the value itself; the direction of a
     * claim about a place; a room's size and its reverberation, each on its own.
     */
    static List<Cue> categories(Family family, String value) {
        String[] p = value.split("\\|");
        return switch (family) {
            case LOCATION_OF -> List.of(answer(p[0]));
            case ATTRIBUTE, MULTIHOP -> List.of(answer(p[1]));
            case REMOVAL, PHYSICS -> List.of(answer(p[2]));
            case ROOM -> List.of(new Cue("size", value.split("/")[0], CAP_PERCENT), new Cue("reverb", value.split("/")[1], CAP_PERCENT));
            default -> List.of(answer(value));
        };
    }

    private static Cue answer(String category) {
        return new Cue("answer", category, CAP_PERCENT);
    }

    /** Which field of a family's option values is a number a reader can rank, or -1. */
    private static int numberField(Family family) {
        return switch (family) {
            case DISTANCE, REMOVAL -> 0;
            case LOCATION_OF, PHYSICS -> 1;
            case ATTRIBUTE -> 2;
            default -> -1;
        };
    }

    private static double number(String value, int field) {
        return Double.parseDouble(value.split("\\|")[field]);
    }
}
