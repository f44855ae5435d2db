package org.notmono.training.stage1;

/**
 * Weights of the Stage 1 loss terms and of the matching cost (TWNM 4.3).
 *
 * @param matchDistance weight of |log distance error| in the matching cost (angle counts in units of pi)
 * @param matchClass    weight of the class's negative log-probability in the matching cost
 */
public record LossWeights(double direction, double distance, double classes, double existence, double roomSurface,
                          double roomAbsorption, double matchDistance, double matchClass) {

    public static LossWeights defaults() {
        return new LossWeights(1.0, 0.5, 0.3, 1.0, 0.1, 0.5, 0.3, 0.1);
    }
}
