package org.notmono.training.qa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.notmono.sim.scene.DirectionWords.Sector;

/**
 * Where the four claims of a physical-consistency question go, one per sector: the impossible
 * claim in its sector at the smallest named distance at least {@link #BEYOND} times the
 * farthest point of the room there; in each other sector a possible claim at a named distance
 * at most {@link #WITHIN} times the room's reach there, nearer than the impossible distance or
 * farther as the layout says. The four distances differ.
 *
 * @param impossible the sector of the impossible claim
 * @param distance   the impossible claim's distance
 * @param choices    for each other sector, the distances its claim may take
 * @param rank       the impossible distance's rank among the four offered, 0 for the smallest:
 *                   how many possible claims are nearer
 */
record ClaimLayout(Sector impossible, double distance, Map<Sector, List<Double>> choices, int rank) {
    /** An impossible claim is at least this many times the room's reach in its sector. */
    static final double BEYOND = 1.3;
    /** A possible claim is at most this many times the room's reach in its sector. */
    static final double WITHIN = 0.8;

    /** Every layout the room allows, given its reach in each sector. */
    static List<ClaimLayout> all(Map<Sector, Double> reach) {
        List<ClaimLayout> out = new ArrayList<>();
        for (Sector s : Sector.values()) {
            double beyond = -1;
            for (double d : SpatialWords.LADDER) {
                if (d >= BEYOND * reach.get(s)) {
                    beyond = d;
                    break;
                }
            }
            if (beyond < 0) {
                continue;
            }
            List<Sector> others = IntegrationQuestions.otherSectors(s);
            List<List<Double>> nearer = new ArrayList<>(), farther = new ArrayList<>();
            for (Sector o : others) {
                List<Double> near = new ArrayList<>(), far = new ArrayList<>();
                for (double d : SpatialWords.LADDER) {
                    if (d <= WITHIN * reach.get(o) && d != beyond) {
                        (d < beyond ? near : far).add(d);
                    }
                }
                nearer.add(near);
                farther.add(far);
            }
            for (int mask = 0; mask < 1 << others.size(); mask++) {
                if (fillable(nearer, farther, mask)) {
                    Map<Sector, List<Double>> choices = new EnumMap<>(Sector.class);
                    for (int i = 0; i < others.size(); i++) {
                        choices.put(others.get(i), (mask >> i & 1) == 1 ? nearer.get(i) : farther.get(i));
                    }
                    out.add(new ClaimLayout(s, beyond, choices, Integer.bitCount(mask)));
                }
            }
        }
        return out;
    }

    /** A distance for every claim, the possible ones drawn from their choices, all different. */
    Map<Sector, Double> distances(SplittableRandom r) {
        Map<Sector, Double> out = new EnumMap<>(Sector.class);
        out.put(impossible, distance);
        for (Sector s : fewestChoicesFirst()) {
            List<Double> free = new ArrayList<>();
            for (Double d : choices.get(s)) {
                if (!out.containsValue(d)) {
                    free.add(d);
                }
            }
            out.put(s, Picks.one(r, free));
        }
        return out;
    }

    /**
     * True when the sectors in {@code mask} can take different nearer distances and the others
     * different farther ones. The nearer choices all run up from the smallest named distance and
     * the farther ones from the first above the impossible one, so within each group the choices
     * are nested: filling the sectors with the fewest first never gets stuck when the k-th fewest
     * has at least k.
     */
    private static boolean fillable(List<List<Double>> nearer, List<List<Double>> farther, int mask) {
        int[] near = new int[nearer.size()], far = new int[farther.size()];
        int n = 0, f = 0;
        for (int i = 0; i < nearer.size(); i++) {
            if ((mask >> i & 1) == 1) {
                near[n++] = nearer.get(i).size();
            } else {
                far[f++] = farther.get(i).size();
            }
        }
        return nested(java.util.Arrays.copyOf(near, n)) && nested(java.util.Arrays.copyOf(far, f));
    }

    private static boolean nested(int[] sizes) {
        java.util.Arrays.sort(sizes);
        for (int k = 0; k < sizes.length; k++) {
            if (sizes[k] < k + 1) {
                return false;
            }
        }
        return true;
    }

    private List<Sector> fewestChoicesFirst() {
        List<Sector> order = new ArrayList<>(choices.keySet());
        order.sort(Comparator.comparingInt((Sector s) -> choices.get(s).size()).thenComparing(Sector::ordinal));
        return order;
    }
}
