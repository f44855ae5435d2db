package org.notmono.training.stage1;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.notmono.cli.InputException;
import org.notmono.sim.sources.ClassVocabulary;
import org.notmono.task.TaskContext;

/**
 * The examples of a Stage 1 run with their features precomputed: phase I trains on simulated
 * scenes alone; with real recordings (STARSS23 layout) it is phase II, mixed by {@link SimRealMix}.
 *
 * @param validation     null when there is none
 * @param validationSeed the validation dataset's seed, null when there is none
 */
public record Stage1Data(ExampleSet train, EpochOrder order, ExampleSet validation, List<Long> trainSeeds, Long validationSeed,
                         String trainAssets) {
    private static final String CACHE = ".features";

    /**
     * @param vocabulary the model's class ids (labels are indices into it)
     * @param classes    the class vocabulary that maps STARSS23 labels to ours
     */
    public static Stage1Data open(Stage1Config config, Stage1Inputs inputs, List<String> vocabulary, ClassVocabulary classes,
                                  TaskContext task) throws IOException {
        TrainingSettings s = config.training();
        List<ClipWindow> windows = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        Set<String> assets = new LinkedHashSet<>();
        for (Path dir : inputs.data()) {
            SimDataset sim = SimDataset.open(dir, vocabulary);
            refuseHeldOut(sim, inputs, "--data");
            windows.addAll(sim.windows());
            seeds.add(sim.seed());
            assets.add(String.valueOf(sim.assets()));
        }
        if (assets.size() > 1) {
            throw new InputException("the training datasets were made from different assets: " + assets);
        }
        // the cache of several datasets lives with the first one
        FeatureStore train = FeatureStore.open(inputs.data().getFirst().resolve(CACHE), windows, config.encoder(),
                s.windowSeconds(), s.threads(), task.slice(0, 0.6));
        ExampleSet examples = train;
        EpochOrder order = EpochOrder.shuffled(train.size(), s.seed());
        if (inputs.real() != null) {
            List<ClipWindow> real = Starss23Dataset.windows(inputs.real(), classes, vocabulary, s.windowSeconds());
            FeatureStore realFeatures = FeatureStore.open(inputs.real().resolve(CACHE), real, config.encoder(), s.windowSeconds(),
                    s.threads(), task.slice(0.6, 0.8));
            SimRealMix mix = new SimRealMix(train, realFeatures);
            examples = mix;
            order = mix.order(s.realFraction(), s.seed());
        }
        FeatureStore val = null;
        Long validationSeed = null;
        if (inputs.validation() != null) {
            SimDataset v = SimDataset.open(inputs.validation(), vocabulary);
            refuseHeldOut(v, inputs, "--val");
            validationSeed = v.seed();
            val = FeatureStore.open(inputs.validation().resolve(CACHE), v.windows(), config.encoder(), s.windowSeconds(),
                    s.threads(), task.slice(0.8, 1));
        }
        return new Stage1Data(examples, order, val, seeds, validationSeed, assets.iterator().next());
    }

    /** Held-out seeds (DESIGN.md: >= 100000) are for evaluation; training on them makes every score a lie. */
    private static void refuseHeldOut(SimDataset dataset, Stage1Inputs inputs, String option) {
        if (dataset.seed() >= TrainingSettings.EVALUATION_SEEDS && !inputs.allowHeldOut()) {
            throw new InputException(option + " " + dataset.root() + " has seed " + dataset.seed() + ", a held-out seed (>= "
                    + TrainingSettings.EVALUATION_SEEDS + ") kept for evaluation; use data made with a seed below "
                    + TrainingSettings.EVALUATION_SEEDS + ", or pass --allow-held-out-data");
        }
    }
}
