package org.notmono.training.distance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.notmono.cli.InputException;
import org.notmono.training.distance.DrrDistanceOracle.SourceDrr;

class DrrDistanceOracleTest {

    @Test
    void leastSquaresRecoversTheCoefficientsOfExactData() {
        SplittableRandom r = new SplittableRandom(3);
        List<double[]> x = new ArrayList<>();
        double[] d = new double[50];
        for (int i = 0; i < d.length; i++) {
            double drr = r.nextDouble(-15, 10);
            double logRc = r.nextDouble(-1, 0.5);
            x.add(new double[] {drr, logRc});
            d[i] = Math.exp(0.7 - 0.11 * drr + 0.9 * logRc);
        }
        assertArrayEquals(new double[] {0.7, -0.11, 0.9}, LogDistanceFit.fit(x, d).coefficients(), 1e-9);
    }

    /** Sources that follow the diffuse-field theory exactly: DRR = -20 log10(d / r_c). */
    @Test
    void theoryAndRoomFitAreExactWhenTheDistanceFollowsTheTheory() {
        SplittableRandom r = new SplittableRandom(5);
        List<SourceDrr> sources = new ArrayList<>();
        for (int scene = 0; scene < 40; scene++) {
            double rc = r.nextDouble(0.3, 2.0);
            for (int k = 0; k < 1 + scene % 3; k++) {
                double d = r.nextDouble(0.5, 8);
                sources.add(new SourceDrr(scene, d, -20 * Math.log10(d / rc), rc, scene % 2 == 0 ? "small" : "large"));
            }
        }
        Map<String, double[]> p = DrrDistanceOracle.crossValidate(sources);
        assertEquals(0, DrrDistanceOracle.meanAbsoluteError(sources, p.get("drr_theory"), s -> true), 1e-9);
        assertEquals(0, DrrDistanceOracle.meanAbsoluteError(sources, p.get("drr_room"), s -> true), 1e-6);
        // the DRR alone cannot know the room's critical distance: it errs
        assertTrue(DrrDistanceOracle.meanAbsoluteError(sources, p.get("drr_global"), s -> true) > 0.1);
    }

    /** The mean predictor gives each scene the mean distance of the other fold's sources. */
    @Test
    void meanPredictorUsesTheOtherFold() {
        List<SourceDrr> sources = List.of(
                new SourceDrr(0, 1.0, 3, 1, "small"), new SourceDrr(0, 3.0, -3, 1.2, "small"),
                new SourceDrr(1, 5.0, -6, 1, "large"), new SourceDrr(2, 2.0, 0, 0.8, "small"),
                new SourceDrr(3, 7.0, -9, 2, "large"), new SourceDrr(4, 1.5, 2, 1, "medium"),
                new SourceDrr(5, 4.0, -5, 2.5, "medium"), new SourceDrr(6, 2.5, -1, 1, "small"));
        double evenMean = (1.0 + 3.0 + 2.0 + 1.5 + 2.5) / 5;
        double oddMean = (5.0 + 7.0 + 4.0) / 3;
        double[] mean = DrrDistanceOracle.crossValidate(sources).get("training_mean");
        for (int i = 0; i < sources.size(); i++) {
            assertEquals(sources.get(i).scene() % 2 == 0 ? oddMean : evenMean, mean[i], 1e-12);
        }
        double expected = (Math.abs(5.0 - evenMean) + Math.abs(7.0 - evenMean)) / 2;
        assertEquals(expected, DrrDistanceOracle.meanAbsoluteError(sources, mean, s -> "large".equals(s.roomSize())), 1e-12);
    }

    @Test
    void sourcesWithoutAFiniteDrrAreLeftOut() {
        List<SourceDrr> sources = new ArrayList<>();
        for (int scene = 0; scene < 8; scene++) {
            sources.add(new SourceDrr(scene, 1 + scene, -3 * scene + scene % 3, 1 + 0.1 * (scene % 4), "small"));
        }
        sources.add(new SourceDrr(8, 2, Double.POSITIVE_INFINITY, 1, "small"));
        assertEquals(8, DrrDistanceOracle.scored(sources).size());
        assertEquals(8, DrrDistanceOracle.crossValidate(sources).get("drr_global").length);
    }

    @Test
    void tooFewScenesToFitAreAnInputError() {
        List<SourceDrr> sources = List.of(new SourceDrr(0, 1.0, 3, 1, "small"), new SourceDrr(1, 2.0, 0, 1, "small"));
        InputException e = assertThrows(InputException.class, () -> DrrDistanceOracle.crossValidate(sources));
        assertTrue(e.getMessage().contains("use more scenes"), e.getMessage());
    }
}
