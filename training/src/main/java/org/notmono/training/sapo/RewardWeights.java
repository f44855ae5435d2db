package org.notmono.training.sapo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The weights of TWNM's eq. 10: R = w_f format + w_o option + w_a accuracy + w_l length +
 * w_g grounding - w_h hallucination. TWNM prints no values; ours make accuracy dominate and
 * keep the shaping terms small enough that a wrong answer never outscores a right one.
 */
public record RewardWeights(double format, double option, double accuracy, double length, double grounding,
                            double hallucination) {
    public RewardWeights {
        for (double w : new double[] {format, option, accuracy, length, grounding, hallucination}) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("reward weights must be finite and >= 0, got " + w);
            }
        }
    }

    /** Our defaults. */
    public static RewardWeights defaults() {
        return new RewardWeights(0.5, 0.5, 2.0, 0.25, 0.25, 0.5);
    }

    /** Weight of each part by its name; the hallucination weight is negative (a penalty). */
    public Map<String, Double> signed() {
        Map<String, Double> w = new LinkedHashMap<>();
        w.put("format", format);
        w.put("option", option);
        w.put("accuracy", accuracy);
        w.put("length", length);
        w.put("grounding", grounding);
        w.put("hallucination", -hallucination);
        return w;
    }
}
