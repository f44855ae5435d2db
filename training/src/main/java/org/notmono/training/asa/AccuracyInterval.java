package org.notmono.training.asa;

/**
 * 95% intervals for benchmark accuracies, in percent. They cover the sampling of the questions
 * only: another training seed moves a model by more (docs/benchmarks.md, "Curriculum 11").
 *
 * @param low  the lower end, in percent (points for a difference)
 * @param high the upper end
 */
public record AccuracyInterval(double low, double high) {
    /** The normal quantile of a two-sided 95% interval. */
    static final double Z = 1.959963984540054;

    /**
     * The Wilson score interval of {@code correct} right answers out of {@code items}: unlike the
     * plain normal interval it stays inside 0-100 and is not empty at 0 or all right.
     */
    public static AccuracyInterval wilson(int correct, int items) {
        if (items < 1 || correct < 0 || correct > items) {
            throw new IllegalArgumentException("needs 0 <= correct <= items and items >= 1, not " + correct + " of " + items);
        }
        double n = items, p = correct / n, z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new AccuracyInterval(100 * Math.max(0, centre - half), 100 * Math.min(1, centre + half));
    }

    /**
     * The interval of the difference in accuracy between two answerers on the same questions, A's
     * minus B's: the mean of the per-question differences (1, 0 or -1) with the normal interval of
     * that mean. Paired, so a question both get right or both get wrong adds no spread, and it is
     * narrower than two separate intervals suggest.
     *
     * @param onlyA questions A answers right and B wrong
     * @param onlyB questions B answers right and A wrong
     * @param items the questions both answered
     */
    public static AccuracyInterval pairedDifference(int onlyA, int onlyB, int items) {
        if (items < 2 || onlyA < 0 || onlyB < 0 || onlyA + onlyB > items) {
            throw new IllegalArgumentException("needs at least 2 questions and onlyA + onlyB <= items, not "
                    + onlyA + " + " + onlyB + " of " + items);
        }
        double n = items, mean = (onlyA - onlyB) / n;
        // sum of squared deviations of the differences: +1 onlyA times, -1 onlyB times, 0 the rest
        double squares = onlyA * (1 - mean) * (1 - mean) + onlyB * (1 + mean) * (1 + mean) + (n - onlyA - onlyB) * mean * mean;
        double half = Z * Math.sqrt(squares / (n - 1) / n);
        return new AccuracyInterval(100 * (mean - half), 100 * (mean + half));
    }

    /** The ends with one decimal, joined by an en dash: "42.4–48.6". */
    public String range() {
        return String.format(java.util.Locale.ROOT, "%.1f–%.1f", low, high);
    }
}
