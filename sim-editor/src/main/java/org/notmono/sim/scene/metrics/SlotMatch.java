package org.notmono.sim.scene.metrics;

import java.util.ArrayList;
import java.util.List;

import org.notmono.sim.scene.Angles;
import org.notmono.sim.scene.Slot;

/**
 * A predicted slot paired with a ground-truth source, with the errors the metrics and the
 * views show.
 */
public record SlotMatch(Slot slot, TruthSource truth, double angularError) {

    /**
     * Pairs existing slots with truths by Hungarian assignment on angular distance; unpaired
     * slots and truths are left out.
     */
    public static List<SlotMatch> pair(List<Slot> slots, List<TruthSource> truths) {
        List<Slot> existing = slots.stream().filter(Slot::exists).toList();
        double[][] cost = new double[existing.size()][truths.size()];
        for (int i = 0; i < existing.size(); i++) {
            for (int j = 0; j < truths.size(); j++) {
                cost[i][j] = angle(existing.get(i), truths.get(j));
            }
        }
        int[] col = HungarianMatcher.match(cost);
        List<SlotMatch> pairs = new ArrayList<>();
        for (int i = 0; i < col.length; i++) {
            if (col[i] >= 0) {
                pairs.add(new SlotMatch(existing.get(i), truths.get(col[i]), cost[i][col[i]]));
            }
        }
        return pairs;
    }

    private static double angle(Slot s, TruthSource t) {
        return Angles.between(s.azimuth(), s.elevation(), t.azimuth(), t.elevation());
    }

    /** |predicted - true| distance in metres; NaN when no distance is predicted. */
    public double distanceError() {
        return slot.distance() == null ? Double.NaN : Math.abs(slot.distance() - truth.distance());
    }

    /** Distance error relative to the true distance; NaN when no distance is predicted. */
    public double relativeDistanceError() {
        return distanceError() / truth.distance();
    }

    /** True when a class is predicted and equals the truth's. */
    public boolean classMatches() {
        return truth.accepts(slot.classId());
    }

    /**
     * A DCASE-style hit: within {@code maxAngle} degrees, the relative distance error within
     * {@code maxRelativeDistance} when a distance is predicted, and (if {@code classAware}) the
     * class matches.
     */
    public boolean isHit(double maxAngle, double maxRelativeDistance, boolean classAware) {
        boolean distanceOk = slot.distance() == null || relativeDistanceError() <= maxRelativeDistance;
        return angularError <= maxAngle && distanceOk && (!classAware || classMatches());
    }
}
