package org.notmono.viewer.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.notmono.sim.scene.Angles;
import org.notmono.sim.scene.Slot;
import org.notmono.sim.scene.SlotPrediction;

/**
 * The classic baseline: finds up to K sources from the intensity vectors. Each time-frequency
 * bin votes for the lattice point its intensity points at with its direct weight (energy times
 * squared directness, times its onset strength: the direct sound leads the room's answer); the
 * votes are smoothed with a von Mises-Fisher kernel; peaks are taken greedily, each taking the
 * votes within {@value #SUPPRESS_RADIUS} degrees out of the count; each peak is refined by the weighted mean direction
 * of the bins within {@value #REFINE_RADIUS} degrees. A peak's existence grows with its mass
 * relative to the strongest peak, and the count estimate is the number of peaks that exist
 * (at most {@value #MAX_COUNT}).
 */
public final class DspLocalizer {
    public static final int MAX_COUNT = 3;
    static final double REFINE_RADIUS = 15;
    private static final double KERNEL_RADIUS = 20;
    private static final double KERNEL_KAPPA = 1 / (1 - Math.cos(Math.toRadians(7))); // ~7 degrees wide
    static final double SUPPRESS_RADIUS = 35;
    private static final double MAX_DIFFUSENESS = 0.7;
    /**
     * Relative peak mass at which existence is 0.5, and the logistic slope around it. The
     * midpoint was chosen on training scenes (seed 1, indices 0-79): count accuracy 0.49 at
     * 0.10-0.15 against 0.40-0.45 from 0.2 to 0.4; a share of the total votes did no better.
     */
    private static final double EXISTENCE_MIDPOINT = 0.15;
    private static final double EXISTENCE_SLOPE = 0.03;

    private static final SphereLattice LATTICE = new SphereLattice(2000, KERNEL_RADIUS);

    private final int maxSources;

    public DspLocalizer(int maxSources) {
        if (maxSources < 1) {
            throw new IllegalArgumentException("the localizer needs K >= 1 sources to look for, got " + maxSources);
        }
        this.maxSources = maxSources;
    }

    public SlotPrediction localize(IntensityField f) {
        return localize(f, 0, f.frames() - 1);
    }

    /**
     * The whole clip's slots plus, every {@link SlotPrediction#FRAME_SECONDS}, the slots of a
     * window of {@code windowSeconds} centred there (for moving sources).
     */
    public SlotPrediction localizeFrames(IntensityField f, double windowSeconds) {
        SlotPrediction whole = localize(f);
        List<SlotPrediction.SlotFrame> frames = new ArrayList<>();
        double duration = f.frameTime(f.frames() - 1);
        for (int i = 0; i * SlotPrediction.FRAME_SECONDS <= duration + 1e-9; i++) {
            double t = i * SlotPrediction.FRAME_SECONDS;
            SlotPrediction p = localize(f, f.frameAt(t - windowSeconds / 2), f.frameAt(t + windowSeconds / 2));
            frames.add(new SlotPrediction.SlotFrame(t, p.slots()));
        }
        return new SlotPrediction(whole.slots(), whole.count(), frames);
    }

    /** Sources in frames {@code first .. last}. */
    public SlotPrediction localize(IntensityField f, int first, int last) {
        Votes votes = Votes.collect(f, first, last);
        List<double[]> peaks = new ArrayList<>(); // {x, y, z, mass}
        while (peaks.size() < maxSources) {
            double[] density = smooth(votes.histogram);
            int best = 0;
            for (int i = 1; i < density.length; i++) {
                if (density[i] > density[best]) {
                    best = i;
                }
            }
            if (density[best] <= 0) {
                break;
            }
            double[] peak = votes.refine(LATTICE.point(best));
            if (peak[3] <= 0) {
                break;
            }
            peaks.add(peak);
            votes.claim(peak, SUPPRESS_RADIUS);
        }
        return toPrediction(peaks);
    }

    private static SlotPrediction toPrediction(List<double[]> peaks) {
        peaks.sort((a, b) -> Double.compare(b[3], a[3]));
        List<Slot> slots = new ArrayList<>();
        double strongest = peaks.isEmpty() ? 0 : peaks.getFirst()[3];
        int count = 0;
        for (double[] p : peaks) {
            double existence = 1 / (1 + Math.exp(-(p[3] / strongest - EXISTENCE_MIDPOINT) / EXISTENCE_SLOPE));
            Slot slot = Slot.direction(Angles.azimuthOf(p[0], p[1]), Angles.elevationOf(p[0], p[1], p[2]), existence);
            count += slot.exists() && count < MAX_COUNT ? 1 : 0;
            slots.add(slot);
        }
        return new SlotPrediction(slots, count, List.of());
    }

    private static double[] smooth(double[] histogram) {
        double[] out = new double[histogram.length];
        for (int i = 0; i < histogram.length; i++) {
            int[] near = LATTICE.neighbours(i);
            double[] dots = LATTICE.neighbourDots(i);
            double s = 0;
            for (int n = 0; n < near.length; n++) {
                s += histogram[near[n]] * Math.exp(KERNEL_KAPPA * (dots[n] - 1));
            }
            out[i] = s;
        }
        return out;
    }

    /** The bins that vote: unit directions and weights, and their histogram on the lattice. */
    private record Votes(float[] x, float[] y, float[] z, float[] w, double[] histogram) {

        static Votes collect(IntensityField f, int first, int last) {
            int bins = f.bins();
            int lo = Math.max(0, first);
            int hi = Math.min(last, f.frames() - 1);
            int capacity = Math.max(0, (hi - lo + 1) * (f.highBin() - f.lowBin() + 1));
            float[] x = new float[capacity], y = new float[capacity], z = new float[capacity], w = new float[capacity];
            double[] histogram = new double[LATTICE.size()];
            int n = 0;
            for (int t = lo; t <= hi; t++) {
                for (int k = f.lowBin(); k <= f.highBin(); k++) {
                    int i = t * bins + k;
                    float weight = f.directWeight(i) * f.onset(i);
                    double norm = Math.sqrt((double) f.ix(i) * f.ix(i) + (double) f.iy(i) * f.iy(i) + (double) f.iz(i) * f.iz(i));
                    if (weight <= 0 || norm == 0 || f.diffuseness(i) > MAX_DIFFUSENESS) {
                        continue;
                    }
                    x[n] = (float) (f.ix(i) / norm);
                    y[n] = (float) (f.iy(i) / norm);
                    z[n] = (float) (f.iz(i) / norm);
                    w[n] = weight;
                    histogram[LATTICE.nearest(x[n], y[n], z[n])] += weight;
                    n++;
                }
            }
            return new Votes(Arrays.copyOf(x, n), Arrays.copyOf(y, n), Arrays.copyOf(z, n), Arrays.copyOf(w, n), histogram);
        }

        /** Takes the votes within {@code radius} degrees of a found source out of the count. */
        void claim(double[] centre, double radius) {
            double cos = Math.cos(Math.toRadians(radius));
            for (int i = 0; i < w.length; i++) {
                if (w[i] > 0 && x[i] * centre[0] + y[i] * centre[1] + z[i] * centre[2] >= cos) {
                    histogram[LATTICE.nearest(x[i], y[i], z[i])] -= w[i];
                    w[i] = 0;
                }
            }
            for (int i = 0; i < histogram.length; i++) {
                histogram[i] = Math.max(0, histogram[i]); // rounding leftovers
            }
        }

        /** Mean shift from {@code start}: {x, y, z, mass within the refine radius}. */
        double[] refine(double[] start) {
            double cos = Math.cos(Math.toRadians(REFINE_RADIUS));
            double[] c = start.clone();
            double mass = 0;
            for (int iteration = 0; iteration < 5; iteration++) {
                double sx = 0, sy = 0, sz = 0;
                mass = 0;
                for (int i = 0; i < w.length; i++) {
                    if (x[i] * c[0] + y[i] * c[1] + z[i] * c[2] >= cos) {
                        sx += w[i] * x[i];
                        sy += w[i] * y[i];
                        sz += w[i] * z[i];
                        mass += w[i];
                    }
                }
                double norm = Math.sqrt(sx * sx + sy * sy + sz * sz);
                if (norm == 0) {
                    break;
                }
                c = new double[] {sx / norm, sy / norm, sz / norm};
            }
            return new double[] {c[0], c[1], c[2], mass};
        }
    }
}
