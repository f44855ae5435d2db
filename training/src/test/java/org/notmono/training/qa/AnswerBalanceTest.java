package org.notmono.training.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The text priors a corpus must not carry (docs/asa.md, "Balanced answers"), asserted on a
 * training corpus of 300 random scenes: no right-answer category and no rank of the right
 * option's number holds more than 40% of a family's items (60% for a rank between two numbers),
 * and no option can be told right from how the options share their parts.
 */
class AnswerBalanceTest {
    private static final List<JsonNode> SCENES = TruthScenes.rtsds(4242, 300);
    private static final List<QaItem> MCQ = corpus(QaKind.MCQ);

    private static List<QaItem> corpus(QaKind kind) {
        return new QaCorpus(new QaGenerator(TruthScenes.VOCABULARY, Phrasings.standard(), Phrasings.Set.TRAIN))
                .make(SCENES.stream().map(s -> new DatasetRtsds.Scene(s, "clip.wav")).toList(), List.of(Family.values()), kind, 11);
    }

    /** The right answer's categories as {@code kind:value}, read from the item by this test's own rules. */
    private static List<String> categories(QaItem q) {
        String right = q.query().values().get(Math.max(0, q.answerIndex()));
        String[] p = right.split("\\|");
        return switch (q.family()) {
            case LOCATION_OF -> List.of("sector:" + p[0]);                  // sector|distance
            case ATTRIBUTE, MULTIHOP -> List.of("sector:" + p[1]);          // class|sector|distance, class|sector
            case REMOVAL, PHYSICS -> List.of("sector:" + p[2]);             // count|class|sector, class|distance|sector
            case ROOM -> List.of("size:" + right.split("/")[0], "reverb:" + right.split("/")[1]);
            default -> List.of("answer:" + right);
        };
    }

    /** The right option's rank among the distinct numbers the options offer, as "rank/count", or null. */
    private static String rank(QaItem q) {
        int field = switch (q.family()) {
            case DISTANCE, REMOVAL -> 0;
            case LOCATION_OF, PHYSICS -> 1;
            case ATTRIBUTE -> 2;
            default -> -1;
        };
        if (field < 0) {
            return null;
        }
        TreeSet<Double> numbers = new TreeSet<>();
        q.query().values().forEach(v -> numbers.add(Double.parseDouble(v.split("\\|")[field])));
        double right = Double.parseDouble(q.query().values().get(q.answerIndex()).split("\\|")[field]);
        return numbers.headSet(right).size() + "/" + numbers.size();
    }

    private static Map<Family, Map<String, Integer>> tally(List<QaItem> items, java.util.function.Function<QaItem, List<String>> keys) {
        Map<Family, Map<String, Integer>> out = new EnumMap<>(Family.class);
        for (QaItem q : items) {
            keys.apply(q).forEach(k -> out.computeIfAbsent(q.family(), f -> new TreeMap<>()).merge(k, 1, Integer::sum));
        }
        return out;
    }

    /** Within each kind ({@code kind:value}), at most ceil(cap * n) of n items: the cap with the running count's slack. */
    private static void assertCapped(Map<Family, Map<String, Integer>> tally) {
        tally.forEach((f, counts) -> {
            Map<String, Integer> perKind = new TreeMap<>();
            Map<String, Integer> values = new TreeMap<>();
            counts.forEach((k, c) -> {
                perKind.merge(k.substring(0, k.indexOf(':')), c, Integer::sum);
                values.merge(k.substring(0, k.indexOf(':')), 1, Integer::sum);
            });
            counts.forEach((k, c) -> {
                String kind = k.substring(0, k.indexOf(':'));
                int n = perKind.get(kind);
                double cap = kind.equals("rank") && values.get(kind) == 2 ? 0.6 : 0.4;
                assertTrue(c <= Math.ceil(cap * n), f.id() + " " + k + " holds " + c + " of " + n + ": " + counts);
            });
        });
    }

    @Test
    void noRightAnswerCategoryHoldsMoreThan40PercentOfAFamilyInAnyKind() {
        Map<Family, Map<String, Integer>> mcq = tally(MCQ, AnswerBalanceTest::categories);
        assertCapped(mcq);
        assertCapped(tally(corpus(QaKind.OPEN), AnswerBalanceTest::categories));
        // the families whose answers random scenes skew the most: heights and counts
        assertEquals(3, mcq.get(Family.ELEVATION).size(), "above, below and ear height are all right answers: " + mcq.get(Family.ELEVATION));
        assertEquals(3, mcq.get(Family.COUNT).size(), "1, 2 and 3 sources: " + mcq.get(Family.COUNT));
        assertTrue(mcq.get(Family.ELEVATION).values().stream().mapToInt(Integer::intValue).sum() >= 40, "elevation items " + mcq.get(Family.ELEVATION));
    }

    @Test
    void theRightNumberIsNotGivenAwayByItsRankAmongTheNumbersOffered() {
        Map<Family, Map<String, Integer>> ranks = tally(MCQ, q -> rank(q) == null ? List.of() : List.of("rank:" + rank(q)));
        assertCapped(ranks);
        Map<String, Integer> physics = ranks.get(Family.PHYSICS);
        assertTrue(physics.size() >= 3, "the impossible distance takes at least 3 of the 4 ranks: " + physics);
        physics.keySet().forEach(k -> assertTrue(k.endsWith("/4"), "four different distances: " + physics));
        assertTrue(ranks.get(Family.DISTANCE).size() == 4, "the right distance takes every rank: " + ranks.get(Family.DISTANCE));
    }

    @Test
    void noOptionStandsOutBySharingMorePartsWithTheOthers() {
        for (QaItem q : MCQ) {
            List<String[]> parts = q.query().values().stream().map(v -> v.split("[|/]")).toList();
            if (parts.getFirst().length < 2 || q.family() == Family.PHYSICS) {
                continue;  // single values; physics claims carry one sector each and distances of their own
            }
            List<Integer> shared = new ArrayList<>();
            for (String[] a : parts) {
                int n = 0;
                for (String[] b : parts) {
                    for (int i = 0; a != b && i < a.length; i++) {
                        n += a[i].equals(b[i]) ? 1 : 0;
                    }
                }
                shared.add(n);
            }
            int right = shared.get(q.answerIndex());
            assertTrue(shared.stream().filter(n -> n >= right).count() >= 2,
                    q.id() + ": the right option shares the most parts with the others: " + q.query().values() + " " + shared);
        }
    }
}
