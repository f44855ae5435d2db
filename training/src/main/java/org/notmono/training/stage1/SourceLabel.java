package org.notmono.training.stage1;

import java.util.List;

import org.notmono.model.encoder.Directions;
import org.notmono.sim.scene.metrics.TruthSource;

/**
 * One ground-truth source of a training example.
 *
 * @param classIndex      index in the encoder's vocabulary, -1 when the class is outside it
 * @param acceptedClasses every class id that is right for this source (STARSS23's "Musical
 *                        instrument" is any of our instruments); {@code classId} is the first
 * @param acceptedIndices their indices in the encoder's vocabulary (those inside it)
 */
public record SourceLabel(String id, double azimuth, double elevation, double distance, String classId, int classIndex,
                          List<String> acceptedClasses, List<Integer> acceptedIndices) {

    public SourceLabel {
        acceptedClasses = List.copyOf(acceptedClasses);
        acceptedIndices = List.copyOf(acceptedIndices);
    }

    /** A source of one class. */
    public SourceLabel(String id, double azimuth, double elevation, double distance, String classId, int classIndex) {
        this(id, azimuth, elevation, distance, classId, classIndex, classId == null ? List.of() : List.of(classId),
                classIndex >= 0 ? List.of(classIndex) : List.of());
    }

    /** A source any of whose {@code classes} is right; indices looked up in the encoder's {@code vocabulary}. */
    public static SourceLabel anyOf(String id, double azimuth, double elevation, double distance, List<String> classes,
                                    List<String> vocabulary) {
        List<Integer> indices = classes.stream().map(vocabulary::indexOf).filter(i -> i >= 0).toList();
        return new SourceLabel(id, azimuth, elevation, distance, classes.getFirst(), indices.isEmpty() ? -1 : indices.getFirst(),
                classes, indices);
    }

    public double[] unitVector() {
        return Directions.toVector(azimuth, elevation);
    }

    public TruthSource truth() {
        return new TruthSource(id, azimuth, elevation, distance, classId, java.util.Set.copyOf(acceptedClasses));
    }
}
