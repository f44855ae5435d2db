package org.notmono.training.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.notmono.training.qa.Family;

/** {@code --limit N} on the benchmark's plan: families of 55 and 56 items take turns. */
class BenchmarkTurnsTest {

    @Test
    void onTheThousandItemPlanTheFamiliesTakeTurnsWhateverTheirSize() {
        // the families' items one after another, as a built benchmark orders them (55 items in L1, 56 in most of L2 and L3)
        List<Family> families = new ArrayList<>();
        BenchmarkPlan.twnm(1000).quota().forEach((family, count) -> families.addAll(java.util.Collections.nCopies(count, family)));
        List<Integer> turns = Benchmark.turns(families);
        List<Family> first3 = turns.subList(0, 3).stream().map(families::get).toList();
        assertEquals(List.of(1, 2, 3), first3.stream().map(Family::level).toList(),
                "levels take turns from the first item: " + first3);
        Map<Family, Integer> first18 = new EnumMap<>(Family.class);
        turns.subList(0, 18).forEach(i -> first18.merge(families.get(i), 1, Integer::sum));
        assertEquals(Family.values().length, first18.size(), "every family once in 18");
        Map<Family, Integer> first500 = new EnumMap<>(Family.class);
        turns.subList(0, 500).forEach(i -> first500.merge(families.get(i), 1, Integer::sum));
        first500.forEach((f, n) -> assertEquals(500.0 * BenchmarkPlan.twnm(1000).quota().get(f) / 1000, n, 1.0,
                f + " in proportion to its size"));
    }
}
