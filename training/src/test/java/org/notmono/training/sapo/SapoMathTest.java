package org.notmono.training.sapo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/** The soft gate, group advantages, the KL controller and the SAPO loss's gradient against their formulas. */
class SapoMathTest {
    private static final SoftGate GATE = SoftGate.twnm();

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Test
    void gateIsFourOverTauTimesSigmoidWithTheTemperatureOfTheAdvantagesSign() {
        for (double r : new double[] {0.2, 0.9, 1.0, 1.3, 2.5}) {
            assertEquals(4 / 1.0 * sigmoid(1.0 * (r - 1)), GATE.value(r, 0.7), 1e-12);
            assertEquals(4 / 1.05 * sigmoid(1.05 * (r - 1)), GATE.value(r, -0.7), 1e-12);
            assertEquals(4 / 1.05 * sigmoid(1.05 * (r - 1)), GATE.value(r, 0), 1e-12);
            // the slope is the derivative: central difference
            for (double a : new double[] {0.5, -0.5}) {
                double h = 1e-6;
                assertEquals((GATE.value(r + h, a) - GATE.value(r - h, a)) / (2 * h), GATE.slope(r, a), 1e-6);
            }
        }
        assertEquals(1.0, GATE.slope(1.0, 1.0), 1e-12); // on-policy: the plain policy gradient
        assertEquals(1.0, GATE.slope(1.0, -1.0), 1e-12);
        assertTrue(GATE.slope(1.0 + 3, -1) < GATE.slope(1.0 + 3, 1)); // tau_neg damps off-policy negative tokens faster
        assertThrows(IllegalArgumentException.class, () -> new SoftGate(0, 1));
    }

    @Test
    void ndArrayGateMatchesTheScalarFormula() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] ratios = {0.5f, 1f, 1.4f, 2f, 0.8f, 1.1f};
            float[] advantages = {1.2f, -0.8f, 0f};
            NDArray out = GATE.objective(m.create(ratios, new Shape(3, 2)), m.create(advantages, new Shape(3, 1)));
            float[] got = out.toFloatArray();
            for (int i = 0; i < 6; i++) {
                double a = advantages[i / 2];
                assertEquals(GATE.value(ratios[i], a) * a, got[i], 1e-5, "token " + i);
            }
        }
    }

    @Test
    void advantagesAreGroupZScoresAndEqualGroupsGiveZero() {
        double[] rewards = {1, 2, 3, 6};
        double mean = 3;
        double std = Math.sqrt((4 + 1 + 0 + 9) / 4.0);
        double[] a = GroupAdvantages.of(rewards, 0);
        for (int i = 0; i < 4; i++) {
            assertEquals((rewards[i] - mean) / (std + GroupAdvantages.EPSILON), a[i], 1e-12);
        }
        assertEquals(0, a[0] + a[1] + a[2] + a[3], 1e-9);
        assertArrayEquals(new double[] {0, 0, 0}, GroupAdvantages.of(new double[] {2.5, 2.5, 2.5}, 0));
        assertArrayEquals(new double[] {0}, GroupAdvantages.of(new double[] {7}, 0));
    }

    @Test
    void aFloorOnTheDeviationShrinksOnlyGroupsThatDifferLittle() {
        // every answer right, one with a grounding keyword fewer (0.25 x 1/3): z-scores would make that -2.65
        double[] small = {3, 3, 3, 3, 3, 3, 3, 3 - 0.25 / 3};
        double smallMean = 3 - 0.25 / 24;
        double[] floored = GroupAdvantages.of(small, 0.5);
        for (int i = 0; i < small.length; i++) {
            assertEquals((small[i] - smallMean) / (0.5 + GroupAdvantages.EPSILON), floored[i], 1e-12);
        }
        double smallStd = 0.25 / 3 * Math.sqrt(7) / 8;
        // without a floor: -sqrt(7), the z-score of one outlier in eight (less the epsilon's share)
        assertEquals(-Math.sqrt(7) * smallStd / (smallStd + GroupAdvantages.EPSILON), GroupAdvantages.of(small, 0)[7], 1e-12);
        // one wrong answer in eight (accuracy weight 2): std 2 sqrt(7) / 8 = 0.661 is above the floor, which changes nothing
        double[] split = {3, 3, 3, 3, 3, 3, 3, 1};
        assertArrayEquals(GroupAdvantages.of(split, 0), GroupAdvantages.of(split, 0.5), 0);
        assertThrows(IllegalArgumentException.class, () -> GroupAdvantages.of(split, -0.1));
    }

    @Test
    void klCoefficientFollowsTheClippedProportionalUpdateOnTheMovingAverage() {
        AdaptiveKlController c = new AdaptiveKlController(0.1, 0.05, 100, 0.5);
        // first step: the average is the measurement; 0.06 / 0.05 - 1 = 0.2 (at the clip)
        assertEquals(0.1 * (1 + 0.2 * 8 / 100.0), c.update(0.06, 8), 1e-12);
        // second: average 0.5 * 0.06 + 0.5 * 0.02 = 0.04, error -0.2
        double beta = 0.1 * (1 + 0.2 * 8 / 100.0);
        assertEquals(beta * (1 - 0.2 * 8 / 100.0), c.update(0.02, 8), 1e-12);
        assertEquals(0.04, c.average(), 1e-12);
        // a huge KL is clipped to +0.2
        AdaptiveKlController d = new AdaptiveKlController(0.2, 0.05, 10, 0);
        assertEquals(0.2 * (1 + 0.2 * 4 / 10.0), d.update(5.0, 4), 1e-12);
        // inside the target, a small error moves it proportionally: 0.045 / 0.05 - 1 = -0.1
        AdaptiveKlController e = new AdaptiveKlController(0.2, 0.05, 10, 0);
        assertEquals(0.2 * (1 - 0.1 * 4 / 10.0), e.update(0.045, 4), 1e-12);
    }

    @Test
    void lossGradientMatchesTheHandDerivedFormula() {
        // two rollouts of 3 token slots; rollout 0 has 3 generated tokens, rollout 1 has 2
        float[] logp = {-1.0f, -0.5f, -2.0f, -0.3f, -1.2f, -4.0f};
        float[] old = {-1.2f, -0.5f, -1.5f, -0.6f, -1.0f, -4.0f};
        float[] ref = {-0.9f, -0.7f, -2.2f, -0.2f, -1.5f, -4.0f};
        float[] mask = {1, 1, 1, 1, 1, 0};
        double[] adv = {0.8, -1.3};
        double beta = 0.3;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray p = m.create(logp, new Shape(2, 3));
            p.setRequiresGradient(true);
            float loss;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                SapoObjective.Terms t = SapoObjective.loss(p, m.create(old, new Shape(2, 3)), m.create(ref, new Shape(2, 3)),
                        m.create(mask, new Shape(2, 3)), m.create(new float[] {(float) adv[0], (float) adv[1]}, new Shape(2, 1)), GATE, beta);
                gc.backward(t.loss());
                loss = t.loss().getFloat();
            }
            float[] grad = p.getGradient().toFloatArray();
            double expectedLoss = 0;
            for (int i = 0; i < 2; i++) {
                int n = i == 0 ? 3 : 2;
                double objective = 0;
                double kl = 0;
                for (int k = 0; k < n; k++) {
                    int j = i * 3 + k;
                    double r = Math.exp(logp[j] - old[j]);
                    double d = ref[j] - logp[j];
                    objective += GATE.value(r, adv[i]) * adv[i];
                    kl += Math.exp(d) - d - 1;
                    double expected = (-adv[i] * GATE.slope(r, adv[i]) * r + beta * (1 - Math.exp(d))) / (2.0 * n);
                    assertEquals(expected, grad[j], 1e-5, "token " + j);
                }
                expectedLoss += (beta * kl - objective) / n / 2;
            }
            assertEquals(0, grad[5], 0); // a padding slot gets no gradient
            assertEquals(expectedLoss, loss, 1e-5);
        }
    }
}
