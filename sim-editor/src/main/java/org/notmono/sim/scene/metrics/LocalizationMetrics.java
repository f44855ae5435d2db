package org.notmono.sim.scene.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.notmono.sim.scene.Slot;
import org.notmono.sim.scene.SlotPrediction;

/**
 * The one implementation of DESIGN.md's metrics. Add clips one by one, then read the summary.
 * Means over pairs are NaN when nothing qualifies (no pair, no predicted distance, no class).
 * The DCASE-style "class-dependent" numbers ({@code doa_error_deg}, {@code relative_distance_error})
 * are taken over the class-matched pairs; the plain angular and distance errors over all pairs.
 * {@code f20} is the micro F20 (hits over all predicted and all true sources); {@code f20_macro}
 * is DCASE's class-wise macro F20: the F20 of every class (a hit counts for the predicted class,
 * which the truth accepts), averaged over the classes that occur in the truths or the
 * predictions (DCASE averages over its 13 classes, all of which occur in its evaluation sets).
 * Not thread-safe.
 */
public final class LocalizationMetrics {
    public static final double F_ANGLE = 20;
    public static final double F_RELATIVE_DISTANCE = 1.0;

    private int clips;
    private int countHits;
    private int predicted;
    private int truths;
    private final Mean angular = new Mean();
    private final Mean distance = new Mean();
    private final Mean classCorrect = new Mean();
    private final Mean doaClassMatched = new Mean();
    private final Mean relativeDistanceClassMatched = new Mean();
    private int hits;
    private int agnosticHits;
    private final Map<String, int[]> perClass = new TreeMap<>(); // class -> {hits, predicted, true}

    /** Adds one clip and returns its pairs. */
    public List<SlotMatch> add(SlotPrediction prediction, List<TruthSource> truth) {
        List<SlotMatch> pairs = SlotMatch.pair(prediction.slots(), truth);
        clips++;
        if (prediction.count() == truth.size()) {
            countHits++;
        }
        predicted += prediction.existingSlots().size();
        truths += truth.size();
        for (Slot s : prediction.existingSlots()) {
            if (s.classId() != null) {
                counts(s.classId())[1]++;
            }
        }
        List<TruthSource> hitTruths = new ArrayList<>();
        for (SlotMatch m : pairs) {
            if (m.isHit(F_ANGLE, F_RELATIVE_DISTANCE, true)) {
                counts(m.slot().classId())[0]++;
                counts(m.slot().classId())[2]++; // a truth found by a class it accepts counts for that class
                hitTruths.add(m.truth());
            }
        }
        for (TruthSource t : truth) {
            if (t.classId() != null && !hitTruths.contains(t)) {
                counts(t.classId())[2]++;
            }
        }
        for (SlotMatch m : pairs) {
            angular.add(m.angularError());
            distance.add(m.distanceError());
            if (m.slot().classId() != null) {
                classCorrect.add(m.classMatches() ? 1 : 0);
            }
            if (m.classMatches()) {
                doaClassMatched.add(m.angularError());
                relativeDistanceClassMatched.add(m.relativeDistanceError());
            }
            if (m.isHit(F_ANGLE, F_RELATIVE_DISTANCE, true)) {
                hits++;
            }
            if (m.isHit(F_ANGLE, F_RELATIVE_DISTANCE, false)) {
                agnosticHits++;
            }
        }
        return pairs;
    }

    private int[] counts(String classId) {
        return perClass.computeIfAbsent(classId, k -> new int[3]);
    }

    public Summary summary() {
        return new Summary(clips, clips == 0 ? Double.NaN : countHits / (double) clips, angular.value(), distance.value(),
                classCorrect.value(), f(hits), doaClassMatched.value(), relativeDistanceClassMatched.value(), f(agnosticHits),
                macroF(), new Support(angular.n, distance.n, classCorrect.n, predicted, truths));
    }

    /** The mean over classes of 2 hits / (predicted + true); NaN when no class occurs. */
    private double macroF() {
        Mean mean = new Mean();
        for (int[] c : perClass.values()) {
            mean.add(2.0 * c[0] / (c[1] + c[2]));
        }
        return mean.value();
    }

    /** F-score with precision over predicted and recall over true sources. */
    private double f(int tp) {
        if (predicted + truths == 0) {
            return Double.NaN;
        }
        return 2.0 * tp / (predicted + truths);
    }

    /**
     * The numbers of DESIGN.md's metrics record M (plus the class-agnostic F20 and DCASE's
     * class-wise macro F20).
     *
     * @param f20      micro F20: hits over all predicted and true sources, whatever their class
     * @param f20Macro DCASE's class-wise macro F20
     * @param support  how many clips, pairs and sources each mean is over: the weights that recombine group summaries
     */
    public record Summary(int clips, double countAccuracy, double angularErrorDeg, double distanceErrorM,
                          double classAccuracy, double f20, double doaErrorDeg, double relativeDistanceError,
                          double f20ClassAgnostic, double f20Macro, Support support) {

        /** The keys of DESIGN.md's {@code eval} JSON, NaN as null. */
        public Map<String, Double> asMap() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("count_accuracy", finite(countAccuracy));
            m.put("angular_error_deg", finite(angularErrorDeg));
            m.put("distance_error_m", finite(distanceErrorM));
            m.put("class_accuracy", finite(classAccuracy));
            m.put("f20", finite(f20));
            m.put("doa_error_deg", finite(doaErrorDeg));
            m.put("relative_distance_error", finite(relativeDistanceError));
            m.put("f20_class_agnostic", finite(f20ClassAgnostic));
            m.put("f20_macro", finite(f20Macro));
            return m;
        }

        private static Double finite(double v) {
            return Double.isFinite(v) ? v : null;
        }
    }

    /**
     * What a summary's means are taken over. Count accuracy is a mean over {@code clips}, the
     * angular error over {@code pairs}, the distance error over {@code distancePairs} (pairs with a
     * finite distance), the class accuracy over {@code classifiedPairs} (pairs whose slot has a class);
     * F-scores have {@code predicted + truths} in their denominator.
     */
    public record Support(int pairs, int distancePairs, int classifiedPairs, int predicted, int truths) {
    }

    /** A running mean that ignores NaN. */
    private static final class Mean {
        private double sum;
        private int n;

        void add(double v) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }

        double value() {
            return n == 0 ? Double.NaN : sum / n;
        }
    }
}
