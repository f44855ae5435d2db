package org.notmono.training.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RunHistoryTest {
    private static MetricRecord record(String stage, long step, double wall, Map<String, Double> metrics) {
        return new MetricRecord(stage, step, 0, wall, metrics);
    }

    @Test
    void aStepThatComesAgainReplacesItAndEverythingAfterIt() {
        RunHistory h = new RunHistory();
        for (int s = 1; s <= 1000; s++) {
            h.add(record("stage1", s, s, Map.of("train/loss", 1.0 / s)));
        }
        long before = h.version();
        h.add(record("stage1", 601, 2000, Map.of("train/loss", 9.0)));
        assertEquals(601, h.size());
        assertEquals(601, h.lastStep());
        assertEquals(9.0, h.last("train/loss"), 0);
        assertTrue(h.version() > before);
        assertEquals(-1, h.indexOf(602));
    }

    @Test
    void seriesKeepOnlyTheStepsThatLoggedTheMetric() {
        RunHistory h = new RunHistory();
        h.add(record("stage1", 1, 10, Map.of("train/loss", 3.0)));
        h.add(record("stage1", 2, 11, Map.of("train/loss", 2.0, "val/f20", 0.5)));
        h.add(record("stage1", 3, 12, Map.of("train/loss", Double.NaN)));
        RunHistory.Series val = h.series("val/f20");
        assertArrayEquals(new long[] {2}, val.steps());
        assertArrayEquals(new double[] {0.5}, val.values());
        assertArrayEquals(new long[] {1, 2}, h.series("train/loss").steps());
        assertEquals(Set.of("train/loss", "val/f20"), h.metrics());
        assertEquals(0, h.series("nothing").size());
    }

    @Test
    void aMetricsVersionMovesOnlyWhenItsValuesDo() {
        RunHistory h = new RunHistory();
        h.add(record("stage1", 1, 0, Map.of("train/loss", 1.0, "val/f20", 0.1)));
        long loss = h.version("train/loss");
        long f20 = h.version("val/f20");
        h.add(record("stage1", 2, 0, Map.of("train/loss", 0.9)));
        assertTrue(h.version("train/loss") > loss);
        assertEquals(f20, h.version("val/f20"), "no new validation point: its chart need not redraw");
        h.add(record("stage1", 2, 0, Map.of("train/loss", 0.8))); // step 2 again, same number of points
        assertTrue(h.version("val/f20") > f20, "dropped steps change every metric");
        assertEquals(0.8, h.last("train/loss"), 0);
    }

    @Test
    void stageBoundariesAreWhereTheStageChanges() {
        RunHistory h = new RunHistory();
        h.add(record("stage1", 1, 0, Map.of()));
        h.add(record("stage1", 2, 0, Map.of()));
        h.add(record("stage2", 3, 0, Map.of()));
        h.add(record("stage2", 4, 0, Map.of()));
        assertEquals(List.of(3L), h.stageBoundaries());
    }

    @Test
    void etaIsTheMedianStepTimeTimesTheStepsLeft() {
        RunHistory h = new RunHistory();
        double wall = 0;
        for (int s = 1; s <= 20; s++) {
            wall += s == 10 ? 3600 : 2; // one long pause (stopped and resumed) does not count
            h.add(record("stage1", s, wall, Map.of()));
        }
        Duration eta = Eta.of(h, 120).orElseThrow();
        assertEquals(Duration.ofSeconds(200), eta);
        assertEquals("3 min 20 s", Eta.format(eta));
        assertTrue(Eta.of(h, 0).isEmpty(), "unknown total");
        assertTrue(Eta.of(h, 20).isEmpty(), "done");
    }

    @Test
    void decimationKeepsTheExtremesOfEveryBucket() {
        double[] y = new double[10_000];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(i / 50.0);
        }
        y[4321] = 50;
        y[777] = -50;
        int[] keep = Decimation.minMax(y, 100);
        assertTrue(keep.length <= 400, "at most four points a bucket: " + keep.length);
        assertTrue(java.util.Arrays.stream(keep).anyMatch(i -> i == 4321) && java.util.Arrays.stream(keep).anyMatch(i -> i == 777),
                "spikes survive");
        for (int i = 1; i < keep.length; i++) {
            assertTrue(keep[i] > keep[i - 1], "ascending, no repeats");
        }
        assertEquals(0, keep[0]);
        assertEquals(y.length - 1, keep[keep.length - 1]);
        assertEquals(10, Decimation.minMax(new double[10], 100).length, "short curves stay whole");
    }

    @Test
    void curvesSmoothBeforeThinningAndNearestFindsTheClosestPoint() {
        RunHistory h = new RunHistory();
        for (int s = 1; s <= 5000; s++) {
            h.add(record("stage1", s, 1000 + 3.6 * s, Map.of("train/loss", s % 2 == 0 ? 1.0 : 3.0)));
        }
        Curve full = Curve.of(h, "train/loss", XAxis.STEP, 0.9, false, 10_000);
        Curve thin = Curve.of(h, "train/loss", XAxis.STEP, 0.9, false, 100);
        assertEquals(5000, full.size());
        assertTrue(thin.size() <= 400);
        for (int i = 0; i < thin.size(); i++) {
            assertEquals(full.smooth()[(int) thin.steps()[i] - 1], thin.smooth()[i], 0, "thinning keeps smoothed values");
        }
        Curve hours = Curve.of(h, "train/loss", XAxis.RELATIVE, 0, false, 10_000);
        assertEquals(3.6 * 999 / 3600, hours.x()[999], 1e-9);
        assertEquals(999, hours.nearest(3.6 * 999 / 3600 + 1e-4));
        assertEquals(0, full.nearest(-5));
        assertEquals(4999, full.nearest(1e9));
    }

    @Test
    void aLogScaleLeavesOutPointsItCannotShow() {
        RunHistory h = new RunHistory();
        h.add(record("stage1", 1, 0, Map.of("m", 0.0)));
        h.add(record("stage1", 2, 0, Map.of("m", -1.0)));
        h.add(record("stage1", 3, 0, Map.of("m", 0.1)));
        assertArrayEquals(new long[] {3}, Curve.of(h, "m", XAxis.STEP, 0.5, true, 100).steps());
        assertEquals(3, Curve.of(h, "m", XAxis.STEP, 0.5, false, 100).size());
    }
}
