package org.notmono.training.stage1;

import org.notmono.sim.scene.metrics.HungarianMatcher;

/**
 * Pairs an example's predicted slots with its sources by Hungarian assignment (the shared
 * matcher) on the cost angle/pi + w_d |log d - log r| + w_c (-log p(class)), p(class) summed over
 * the source's accepted classes; the class term is left out for sources whose class the head does not know.
 */
public final class SlotMatcher {
    /** The cost of a pairing whose slot gives no finite numbers. */
    private static final double UNUSABLE = 1e6;
    private final double distanceWeight;
    private final double classWeight;

    public SlotMatcher(LossWeights weights) {
        this.distanceWeight = weights.matchDistance();
        this.classWeight = weights.matchClass();
    }

    /**
     * @param directions   unit vectors [slot][3]
     * @param distances    metres [slot]
     * @param logProbs     class log-probabilities [slot][class]
     * @return for each source the slot it is paired with
     */
    public int[] match(double[][] directions, double[] distances, double[][] logProbs, SceneLabels labels) {
        int n = labels.sources().size();
        double[][] cost = new double[n][directions.length];
        for (int j = 0; j < n; j++) {
            SourceLabel source = labels.sources().get(j);
            for (int s = 0; s < directions.length; s++) {
                cost[j][s] = cost(directions[s], distances[s], logProbs[s], source);
            }
        }
        return HungarianMatcher.match(cost);
    }

    double cost(double[] direction, double distance, double[] logProbs, SourceLabel source) {
        double[] v = source.unitVector();
        double dot = direction[0] * v[0] + direction[1] * v[1] + direction[2] * v[2];
        double angle = Math.acos(Math.max(-1, Math.min(1, dot))) / Math.PI;
        double distanceTerm = Math.abs(Math.log(Math.max(distance, 1e-3)) - Math.log(source.distance()));
        double classTerm = source.acceptedIndices().isEmpty() ? 0 : -logProbabilityOfAny(logProbs, source.acceptedIndices());
        double cost = angle + distanceWeight * distanceTerm + classWeight * classTerm;
        // a non-finite output (a NaN step, which the trainer then skips) still gets a pairing
        return Double.isFinite(cost) ? cost : UNUSABLE;
    }

    /** log of the summed probability of {@code classes}, computed stably (log-sum-exp). */
    static double logProbabilityOfAny(double[] logProbs, java.util.List<Integer> classes) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c : classes) {
            max = Math.max(max, logProbs[c]);
        }
        double sum = 0;
        for (int c : classes) {
            sum += Math.exp(logProbs[c] - max);
        }
        return max + Math.log(sum);
    }
}
