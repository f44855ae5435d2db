package org.notmono.training.asa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.notmono.training.qa.Family;

/** The intervals against values worked out by hand from their formulas. */
class AccuracyIntervalTest {
    @Test
    void wilsonStaysInsideTheScaleAtNoneAndAllRight() {
        // (p + z²/2n ± z sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n) with n = 10: 0 to 0.2775 at p = 0, 0.7225 to 1 at p = 1
        assertEquals(new AccuracyInterval(0.0, 27.753), round(AccuracyInterval.wilson(0, 10)));
        assertEquals(new AccuracyInterval(72.247, 100.0), round(AccuracyInterval.wilson(10, 10)));
        assertEquals(new AccuracyInterval(42.437, 48.598), round(AccuracyInterval.wilson(455, 1000)));
    }

    @Test
    void aPairedDifferenceWithoutDisagreementsHasNoSpread() {
        assertEquals(new AccuracyInterval(0.0, 0.0), AccuracyInterval.pairedDifference(0, 0, 50));
        // one way only: every difference +1 or 0; 5 of 20 gives mean 0.25 and deviation sqrt(5 * 0.75² + 15 * 0.25²) / sqrt(19)
        double half = 100 * AccuracyInterval.Z * Math.sqrt((5 * 0.5625 + 15 * 0.0625) / 19 / 20);
        assertEquals(new AccuracyInterval(round(25 - half), round(25 + half)), round(AccuracyInterval.pairedDifference(5, 0, 20)));
    }

    @Test
    void benchAsasTablePrintsTheOverallInterval() {
        AsaReport report = new AsaReport("lalm");
        for (int q = 0; q < 1000; q++) {
            report.add(q % 2 == 0 ? Family.COUNT : Family.ROTATE, q < 455, true, false);
        }
        String overall = report.table().lines().filter(l -> l.startsWith("Overall")).findFirst().orElseThrow();
        assertTrue(overall.endsWith("1000     45.5%   95% interval 42.4-48.6%"), overall);
    }

    @Test
    void countsThatCannotBeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> AccuracyInterval.wilson(11, 10));
        assertThrows(IllegalArgumentException.class, () -> AccuracyInterval.wilson(0, 0));
        assertThrows(IllegalArgumentException.class, () -> AccuracyInterval.pairedDifference(6, 5, 10));
        assertThrows(IllegalArgumentException.class, () -> AccuracyInterval.pairedDifference(0, 0, 1));
    }

    private static AccuracyInterval round(AccuracyInterval i) {
        return new AccuracyInterval(round(i.low()), round(i.high()));
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
