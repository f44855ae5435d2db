package org.notmono.training.stage1;

import org.notmono.model.encoder.Directions;
import org.notmono.sim.scene.metrics.TruthSource;

/**
 * One ground-truth source of a training example.
 *
 * @param classIndex index in the encoder's vocabulary, -1 when the class is outside it
 */
public record SourceLabel(String id, double azimuth, double elevation, double distance, String classId, int classIndex) {

    public double[] unitVector() {
        return Directions.toVector(azimuth, elevation);
    }

    public TruthSource truth() {
        return new TruthSource(id, azimuth, elevation, distance, classId);
    }
}
