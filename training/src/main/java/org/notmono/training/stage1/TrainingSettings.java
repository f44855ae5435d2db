package org.notmono.training.stage1;

/**
 * How Stage 1 trains.
 *
 * @param seed            training shuffle and initialisation; below 100000 (DESIGN.md)
 * @param windowSeconds   length of every example (the simulator's scenes are this long)
 * @param realFraction    phase II: share of real recordings in an epoch (TWNM: 0.3)
 * @param threads         intra-op threads of the engine
 */
public record TrainingSettings(int batchSize, double learningRate, int warmupSteps, int epochs, long seed,
                               int checkpointEvery, int validateEvery, int validationClips, double gradientClip,
                               double windowSeconds, double realFraction, int threads) {

    public static final long EVALUATION_SEEDS = 100000;

    public TrainingSettings {
        if (batchSize < 1 || epochs < 1 || !(learningRate > 0) || checkpointEvery < 1 || validateEvery < 1) {
            throw new IllegalArgumentException("batch size, epochs, learning rate and intervals must be positive");
        }
        if (seed < 0 || seed >= EVALUATION_SEEDS) {
            throw new IllegalArgumentException("training seeds are below " + EVALUATION_SEEDS + " (DESIGN.md), got " + seed);
        }
        if (realFraction < 0 || realFraction >= 1) {
            throw new IllegalArgumentException("the real fraction must be in [0, 1), got " + realFraction);
        }
    }

    public static TrainingSettings defaults(String configName) {
        return switch (configName) {
            case "tiny" -> new TrainingSettings(8, 1e-3, 150, 6, 1, 250, 250, 200, 5.0, 4.0, 0.3, 2);
            case "base" -> new TrainingSettings(8, 5e-4, 300, 20, 1, 500, 500, 200, 5.0, 4.0, 0.3, 2);
            default -> new TrainingSettings(16, 3e-4, 1000, 40, 1, 1000, 1000, 500, 5.0, 4.0, 0.3, 4);
        };
    }
}
