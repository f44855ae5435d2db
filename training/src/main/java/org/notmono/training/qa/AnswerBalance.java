package org.notmono.training.qa;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Keeps a family's right answers from giving themselves away (docs/asa.md, "Balanced
 * answers"). Items are admitted one at a time, per family: an item is admitted only while each
 * of its {@link AnswerCues cues} (the right answer's category, the right option's rank among
 * the numbers offered) stays within its cap, 40% of the family's items so far counting this
 * one (60% for a rank among two numbers). Of a scene's variants of a question
 * ({@link QaGenerator#generate(SceneFacts, String, Family, QaKind, long, long, int)}), the first
 * admitted one whose cue values each hold at most their even share plus 10 points (1/k + 0.1 of
 * the family's items, k the values of that cue seen so far) is kept; failing that, the admitted
 * one whose cue values are the least represented. One balance serves one corpus or benchmark, in
 * the order its items are made, so the outcome is a function of that order.
 */
public final class AnswerBalance {
    private final Map<Family, Integer> admitted = new EnumMap<>(Family.class);

    private record Key(String kind, String value) {
    }

    /** Per family, the count of each cue value. */
    private final Map<Family, Map<Key, Integer>> counts = new EnumMap<>(Family.class);
    /** Per family, how many different values of each cue kind it has admitted (the keys of that kind in {@link #counts}). */
    private final Map<Family, Map<String, Integer>> distinctValues = new EnumMap<>(Family.class);

    /**
     * The variant to keep of a question about one scene, recorded as admitted; empty when the
     * scene cannot carry the family (variant 0 is empty) or no variant fits under the caps.
     *
     * @param variant the item of variant v, 0 to {@code count - 1}
     */
    public Optional<QaItem> choose(IntFunction<Optional<QaItem>> variant, int count) {
        QaItem best = null;
        List<AnswerCues.Cue> bestCues = null;
        int bestScore = Integer.MAX_VALUE;
        for (int v = 0; v < count; v++) {
            Optional<QaItem> q = variant.apply(v);
            if (q.isEmpty()) {
                if (v == 0) {
                    return Optional.empty();
                }
                continue;
            }
            List<AnswerCues.Cue> cues = AnswerCues.of(q.get());
            if (!fits(q.get().family(), cues)) {
                continue;
            }
            if (wanted(q.get().family(), cues)) {
                best = q.get();
                bestCues = cues;
                break;
            }
            int score = score(q.get().family(), cues);
            if (score < bestScore) {
                best = q.get();
                bestCues = cues;
                bestScore = score;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        record(best.family(), bestCues);
        return Optional.of(best);
    }

    /** Items admitted of a family so far. */
    private int admitted(Family family) {
        return admitted.getOrDefault(family, 0);
    }

    private boolean fits(Family f, List<AnswerCues.Cue> cues) {
        int n = admitted(f) + 1;
        for (AnswerCues.Cue c : cues) {
            // count + 1 <= ceil(cap * n), in whole numbers
            if (100L * count(f, c) >= (long) c.capPercent() * n) {
                return false;
            }
        }
        return true;
    }

    /** True when no cue value of the item holds more than its even share plus 10 points (a value not yet seen holds none). */
    private boolean wanted(Family f, List<AnswerCues.Cue> cues) {
        int n = admitted(f);
        for (AnswerCues.Cue c : cues) {
            int count = count(f, c);
            long seen = distinctValues.getOrDefault(f, Map.of()).getOrDefault(c.kind(), 0) + (count == 0 ? 1 : 0);
            if (10 * seen * count > (10 + seen) * n) {
                return false;
            }
        }
        return true;
    }

    private int score(Family f, List<AnswerCues.Cue> cues) {
        return cues.stream().mapToInt(c -> count(f, c)).sum();
    }

    private int count(Family f, AnswerCues.Cue c) {
        return counts.getOrDefault(f, Map.of()).getOrDefault(new Key(c.kind(), c.value()), 0);
    }

    private void record(Family f, List<AnswerCues.Cue> cues) {
        admitted.merge(f, 1, Integer::sum);
        for (AnswerCues.Cue c : cues) {
            if (counts.computeIfAbsent(f, x -> new HashMap<>()).merge(new Key(c.kind(), c.value()), 1, Integer::sum) == 1) {
                distinctValues.computeIfAbsent(f, x -> new HashMap<>()).merge(c.kind(), 1, Integer::sum);
            }
        }
    }
}
