package org.notmono.sim.scene.metrics;

import java.util.List;

import org.notmono.sim.scene.Rtsd;

/**
 * A ground-truth source as the metrics see it.
 *
 * @param classId null when unknown
 */
public record TruthSource(String id, double azimuth, double elevation, double distance, String classId) {

    /** The sources of an RTSD at their (onset) positions. */
    public static List<TruthSource> of(Rtsd rtsd) {
        return rtsd.sources().stream()
                .map(s -> new TruthSource(s.id(), s.azimuth(), s.elevation(), s.distance(), s.classId()))
                .toList();
    }
}
