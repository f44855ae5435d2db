package org.notmono.training.monitor;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Time left for a run: the steps still to do times the median time per step over the last
 * {@value #WINDOW} steps. The median ignores the one long gap a stop and resume leaves, and
 * validation steps that take longer than the rest.
 */
public final class Eta {
    static final int WINDOW = 50;

    private Eta() {
    }

    /** Empty when the total is unknown, the run is done, or fewer than two steps are known. */
    public static Optional<Duration> of(RunHistory history, long totalSteps) {
        int n = history.size();
        if (totalSteps <= 0 || n < 2 || history.lastStep() >= totalSteps) {
            return Optional.empty();
        }
        int from = Math.max(1, n - WINDOW);
        double[] perStep = new double[n - from];
        for (int i = from; i < n; i++) {
            perStep[i - from] = (history.wallTime(i) - history.wallTime(i - 1)) / Math.max(1, history.step(i) - history.step(i - 1));
        }
        Arrays.sort(perStep);
        double median = perStep.length % 2 == 1 ? perStep[perStep.length / 2]
                : (perStep[perStep.length / 2 - 1] + perStep[perStep.length / 2]) / 2;
        if (!(median >= 0)) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.round(median * (totalSteps - history.lastStep()) * 1000)));
    }

    /** "2 h 05 min", "3 min 20 s", "45 s". */
    public static String format(Duration d) {
        long s = d.toSeconds();
        if (s >= 3600) {
            return String.format(java.util.Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
        }
        if (s >= 60) {
            return String.format(java.util.Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return s + " s";
    }
}
