package org.notmono.training.stage1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.notmono.model.encoder.Directions;

/** Our matching cost on top of the shared Hungarian matcher: the assignment is the brute-force optimum. */
class SlotMatcherTest {
    private final SlotMatcher matcher = new SlotMatcher(LossWeights.defaults());

    @Test
    void theAssignmentMinimisesTheTotalCostOverAllPermutations() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            int slots = 4;
            int sources = 1 + random.nextInt(3);
            double[][] dirs = new double[slots][];
            double[] dist = new double[slots];
            double[][] logProbs = new double[slots][5];
            for (int s = 0; s < slots; s++) {
                dirs[s] = Directions.toVector(random.nextDouble(-180, 180), random.nextDouble(-90, 90));
                dist[s] = random.nextDouble(0.5, 8);
                for (int c = 0; c < 5; c++) {
                    logProbs[s][c] = Math.log(random.nextDouble(0.01, 1));
                }
            }
            List<SourceLabel> labels = new ArrayList<>();
            for (int j = 0; j < sources; j++) {
                labels.add(new SourceLabel("s" + j, random.nextDouble(-180, 180), random.nextDouble(-80, 80),
                        random.nextDouble(0.5, 8), "c", random.nextInt(-1, 5)));
            }
            SceneLabels scene = new SceneLabels("x", labels, 100, 0.3, false);
            int[] got = matcher.match(dirs, dist, logProbs, scene);
            double best = bruteForce(dirs, dist, logProbs, labels, 0, new boolean[slots]);
            double total = 0;
            for (int j = 0; j < sources; j++) {
                total += matcher.cost(dirs[got[j]], dist[got[j]], logProbs[got[j]], labels.get(j));
            }
            assertEquals(best, total, 1e-9, "trial " + trial);
        }
    }

    @Test
    void theCostPrefersTheRightDirectionDistanceAndClass() {
        SourceLabel source = new SourceLabel("s1", 90, 0, 2, "dog_bark", 1);
        double[] logProbs = {Math.log(0.1), Math.log(0.9)};
        double exact = matcher.cost(Directions.toVector(90, 0), 2, logProbs, source);
        assertEquals(LossWeights.defaults().matchClass() * -Math.log(0.9), exact, 1e-9);
        double behind = matcher.cost(Directions.toVector(-90, 0), 2, logProbs, source);
        assertEquals(exact + 1, behind, 1e-9, "the opposite direction costs pi/pi = 1 more");
        double far = matcher.cost(Directions.toVector(90, 0), 2 * Math.E, logProbs, source);
        assertEquals(exact + LossWeights.defaults().matchDistance(), far, 1e-9);
    }

    @Test
    void pairsFollowTheSourcesWhenSlotsAreReordered() {
        double[][] dirs = {Directions.toVector(0, 0), Directions.toVector(120, 10), Directions.toVector(-100, -20), Directions.toVector(45, 60)};
        double[] dist = {1, 2, 3, 4};
        double[][] logProbs = new double[4][1];
        SceneLabels scene = new SceneLabels("x", List.of(
                new SourceLabel("a", -98, -18, 3.1, null, -1),
                new SourceLabel("b", 2, 1, 1.1, null, -1)), 50, 0.2, false);
        assertArrayEquals(new int[] {2, 0}, matcher.match(dirs, dist, logProbs, scene));
    }

    private double bruteForce(double[][] dirs, double[] dist, double[][] lp, List<SourceLabel> labels, int j, boolean[] used) {
        if (j == labels.size()) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int s = 0; s < dirs.length; s++) {
            if (!used[s]) {
                used[s] = true;
                best = Math.min(best, matcher.cost(dirs[s], dist[s], lp[s], labels.get(j)) + bruteForce(dirs, dist, lp, labels, j + 1, used));
                used[s] = false;
            }
        }
        return best;
    }
}
