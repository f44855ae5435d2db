package org.notmono.sim.scene.metrics;

import java.util.List;
import java.util.Set;

import org.notmono.sim.scene.Rtsd;

/**
 * A ground-truth source as the metrics see it.
 *
 * @param classId         null when unknown
 * @param acceptedClasses every class a prediction may name and be right: {@code classId} alone
 *                        for a simulated source; for a real recording's label that several of our
 *                        classes map to (STARSS23's "Musical instrument"), all of them
 */
public record TruthSource(String id, double azimuth, double elevation, double distance, String classId,
                          Set<String> acceptedClasses) {

    public TruthSource {
        acceptedClasses = Set.copyOf(acceptedClasses);
    }

    /** A source whose one class is {@code classId}. */
    public TruthSource(String id, double azimuth, double elevation, double distance, String classId) {
        this(id, azimuth, elevation, distance, classId, classId == null ? Set.of() : Set.of(classId));
    }

    /** Whether a prediction of {@code predicted} names this source's class. */
    public boolean accepts(String predicted) {
        return predicted != null && acceptedClasses.contains(predicted);
    }

    /** The sources of an RTSD at their (onset) positions. */
    public static List<TruthSource> of(Rtsd rtsd) {
        return rtsd.sources().stream()
                .map(s -> new TruthSource(s.id(), s.azimuth(), s.elevation(), s.distance(), s.classId()))
                .toList();
    }
}
