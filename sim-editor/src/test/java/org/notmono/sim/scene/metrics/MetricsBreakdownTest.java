package org.notmono.sim.scene.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.notmono.sim.scene.Slot;
import org.notmono.sim.scene.SlotPrediction;

class MetricsBreakdownTest {
    private static final TruthSource DOG = new TruthSource("s1", 90, 0, 2.0, "dog_bark");
    private static final TruthSource SPEECH = new TruthSource("s2", -90, 0, 4.0, "female_speech");
    private static final TruthSource PIANO = new TruthSource("s3", 0, 30, 6.0, "piano");

    private static Map<String, String> room(String size) {
        return Map.of(MetricsBreakdown.ROOM_SIZE, size);
    }

    /** Hand-made clips whose per-group numbers are worked out by hand. */
    @Test
    void perGroupNumbersAreTheHandComputedOnes() {
        MetricsBreakdown b = new MetricsBreakdown();
        // clip A (1 source, small room): found 10 deg off, distance 1 m off, right class, count right
        b.add(new SlotPrediction(List.of(new Slot(100, 0, 3.0, "dog_bark", null, 0.9)), 1, List.of()), List.of(DOG), room("small"));
        // clip B (1 source, large room): found 20 deg off, 2 m off, wrong class, counted as 2 (a far second slot)
        b.add(new SlotPrediction(List.of(new Slot(-70, 0, 6.0, "piano", null, 0.9), new Slot(90, 60, 1.0, "dog_bark", null, 0.6)), 2,
                List.of()), List.of(SPEECH), room("large"));
        // clip C (2 sources, small room): both found, 5 and 15 deg off, 0.5 and 1.5 m off, classes right and wrong, count right
        b.add(new SlotPrediction(List.of(new Slot(85, 0, 2.5, "dog_bark", null, 0.9), new Slot(-105, 0, 5.5, "dog_bark", null, 0.8)), 2,
                List.of()), List.of(DOG, SPEECH), room("small"));

        Map<String, LocalizationMetrics.Summary> bySources = b.groups().get(MetricsBreakdown.SOURCES);
        assertEquals(List.of("1", "2"), List.copyOf(bySources.keySet()));
        LocalizationMetrics.Summary one = bySources.get("1");
        assertEquals(2, one.clips());
        assertEquals(0.5, one.countAccuracy(), 1e-12);
        // clip B pairs its truth with the nearest slot (-70: 20 deg) and leaves the second slot unpaired
        assertEquals((10 + 20) / 2.0, one.angularErrorDeg(), 1e-9);
        assertEquals((1.0 + 2.0) / 2, one.distanceErrorM(), 1e-9);
        assertEquals(0.5, one.classAccuracy(), 1e-12);
        LocalizationMetrics.Summary two = bySources.get("2");
        assertEquals(1, two.clips());
        assertEquals(1.0, two.countAccuracy(), 1e-12);
        assertEquals((5 + 15) / 2.0, two.angularErrorDeg(), 1e-9);
        assertEquals((0.5 + 1.5) / 2, two.distanceErrorM(), 1e-9);
        assertEquals(0.5, two.classAccuracy(), 1e-12);

        Map<String, LocalizationMetrics.Summary> bySize = b.groups().get(MetricsBreakdown.ROOM_SIZE);
        assertEquals(List.of("small", "large"), List.copyOf(bySize.keySet()));
        LocalizationMetrics.Summary small = bySize.get("small");
        assertEquals(2, small.clips());
        assertEquals(1.0, small.countAccuracy(), 1e-12);
        assertEquals((10 + 5 + 15) / 3.0, small.angularErrorDeg(), 1e-9);
        assertEquals((1.0 + 0.5 + 1.5) / 3, small.distanceErrorM(), 1e-9);
        assertEquals(2 / 3.0, small.classAccuracy(), 1e-12);
        assertEquals(3, small.support().pairs());
        LocalizationMetrics.Summary large = bySize.get("large");
        assertEquals(0.0, large.countAccuracy(), 1e-12);
        assertEquals(20, large.angularErrorDeg(), 1e-9);
        assertEquals(0.0, large.classAccuracy(), 1e-12);
    }

    /** Over random clips, every dimension's groups recombine to the overall numbers, weighted by their support. */
    @Test
    void groupsRecombineToTheOverallMetrics() {
        SplittableRandom random = new SplittableRandom(7);
        MetricsBreakdown b = new MetricsBreakdown();
        List<TruthSource> pool = List.of(DOG, SPEECH, PIANO);
        String[] sizes = {"small", "medium", "large"};
        for (int clip = 0; clip < 300; clip++) {
            List<TruthSource> truth = pool.subList(0, 1 + random.nextInt(3));
            int slots = random.nextInt(4);
            List<Slot> predicted = new java.util.ArrayList<>();
            for (int i = 0; i < slots; i++) {
                Double distance = random.nextInt(5) == 0 ? null : random.nextDouble(0.5, 8);
                String classId = random.nextInt(5) == 0 ? null : pool.get(random.nextInt(3)).classId();
                predicted.add(new Slot(random.nextDouble(-180, 180), random.nextDouble(-60, 60), distance, classId, null, 0.9));
            }
            b.add(new SlotPrediction(predicted, slots, List.of()), truth, room(sizes[random.nextInt(3)]));
        }
        LocalizationMetrics.Summary all = b.overall();
        assertEquals(300, all.clips());
        for (String dimension : List.of(MetricsBreakdown.SOURCES, MetricsBreakdown.ROOM_SIZE)) {
            Map<String, LocalizationMetrics.Summary> groups = b.groups().get(dimension);
            assertEquals(3, groups.size(), dimension);
            double clips = 0, count = 0, pairs = 0, angular = 0, distancePairs = 0, distance = 0, classified = 0, classes = 0;
            for (LocalizationMetrics.Summary g : groups.values()) {
                clips += g.clips();
                count += g.countAccuracy() * g.clips();
                pairs += g.support().pairs();
                angular += g.angularErrorDeg() * g.support().pairs();
                distancePairs += g.support().distancePairs();
                distance += g.distanceErrorM() * g.support().distancePairs();
                classified += g.support().classifiedPairs();
                classes += g.classAccuracy() * g.support().classifiedPairs();
            }
            assertEquals(all.clips(), clips, dimension);
            assertEquals(all.support().pairs(), pairs, dimension);
            assertTrue(all.support().distancePairs() < all.support().pairs(), "some slots have no distance");
            assertEquals(all.countAccuracy(), count / clips, 1e-12, dimension);
            assertEquals(all.angularErrorDeg(), angular / pairs, 1e-9, dimension);
            assertEquals(all.distanceErrorM(), distance / distancePairs, 1e-9, dimension);
            assertEquals(all.classAccuracy(), classes / classified, 1e-12, dimension);
        }
    }

    @Test
    void jsonCarriesTheWeights() {
        MetricsBreakdown b = new MetricsBreakdown();
        b.add(new SlotPrediction(List.of(new Slot(100, 0, 3.0, "dog_bark", null, 0.9)), 1, List.of()), List.of(DOG), room("medium"));
        Map<String, Object> json = b.asMap();
        @SuppressWarnings("unchecked")
        Map<String, Object> medium = (Map<String, Object>) ((Map<String, Object>) json.get(MetricsBreakdown.ROOM_SIZE)).get("medium");
        assertEquals(1, medium.get("clips"));
        assertEquals(1, medium.get("pairs"));
        assertEquals(10.0, (Double) medium.get("angular_error_deg"), 1e-9);
    }
}
