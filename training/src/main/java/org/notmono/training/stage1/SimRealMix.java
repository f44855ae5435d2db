package org.notmono.training.stage1;

import java.io.IOException;
import java.util.SplittableRandom;

import org.notmono.model.encoder.ClipFeatures;

/**
 * Phase II's corpus (TWNM 4.3, 5.1): every simulated example once per epoch plus real windows
 * drawn so they make up {@code realFraction} of the epoch (7:3 at 0.3), with replacement and
 * weights growing with the number of active sources, so the rare busy real windows are
 * oversampled. Indices below the simulated count are simulated, the rest real.
 */
public final class SimRealMix implements ExampleSet {
    private final ExampleSet sim;
    private final ExampleSet real;

    public SimRealMix(ExampleSet sim, ExampleSet real) {
        this.sim = sim;
        this.real = real;
    }

    @Override
    public int size() {
        return sim.size() + real.size();
    }

    @Override
    public SceneLabels labels(int index) {
        return index < sim.size() ? sim.labels(index) : real.labels(index - sim.size());
    }

    @Override
    public ClipFeatures features(int index) throws IOException {
        return index < sim.size() ? sim.features(index) : real.features(index - sim.size());
    }

    /** Sampling weight of a real window: 1 plus its number of active sources. */
    static double weight(SceneLabels labels) {
        return 1 + labels.sources().size();
    }

    public EpochOrder order(double realFraction, long seed) {
        double[] cumulative = new double[real.size()];
        double total = 0;
        for (int i = 0; i < real.size(); i++) {
            total += weight(real.labels(i));
            cumulative[i] = total;
        }
        double sum = total;
        int realPerEpoch = (int) Math.round(sim.size() * realFraction / (1 - realFraction));
        return epoch -> {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + epoch);
            int[] order = new int[sim.size() + realPerEpoch];
            for (int i = 0; i < sim.size(); i++) {
                order[i] = i;
            }
            for (int k = 0; k < realPerEpoch; k++) {
                int pick = java.util.Arrays.binarySearch(cumulative, random.nextDouble() * sum);
                order[sim.size() + k] = sim.size() + (pick >= 0 ? pick : -pick - 1);
            }
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            return order;
        };
    }
}
