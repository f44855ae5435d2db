package org.notmono.training.stage1;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.notmono.cli.InputException;
import org.notmono.task.TaskContext;

/**
 * The examples of a Stage 1 run with their features precomputed: phase I trains on simulated
 * scenes alone; with real recordings it is phase II.
 *
 * @param validation null when there is none
 */
public record Stage1Data(ExampleSet train, EpochOrder order, ExampleSet validation, long trainSeed, String trainAssets) {
    private static final String CACHE = ".features";

    public static Stage1Data open(Stage1Config config, Path data, Path validation, Path real, List<String> vocabulary,
                                  TaskContext task) throws IOException {
        if (real != null) {
            throw new InputException("--real: phase II is not available in this build");
        }
        TrainingSettings s = config.training();
        SimDataset sim = SimDataset.open(data, vocabulary);
        FeatureStore train = FeatureStore.open(data.resolve(CACHE), sim.windows(), config.encoder(), s.windowSeconds(),
                s.threads(), task.slice(0, 0.8));
        FeatureStore val = null;
        if (validation != null) {
            SimDataset v = SimDataset.open(validation, vocabulary);
            val = FeatureStore.open(validation.resolve(CACHE), v.windows(), config.encoder(), s.windowSeconds(), s.threads(),
                    task.slice(0.8, 1));
        }
        return new Stage1Data(train, EpochOrder.shuffled(train.size(), s.seed()), val, sim.seed(), sim.assets());
    }
}
