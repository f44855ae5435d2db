package org.notmono.sim.scene;

import java.util.Map;

/**
 * One predicted source, as the DSP localizer and the spatial encoder both give it, in the
 * receiver-relative convention of DESIGN.md (azimuth counter-clockwise from the front in
 * [-180, 180), elevation up, degrees).
 *
 * @param distance    metres, null when not predicted
 * @param classId     null when not predicted
 * @param classScores class id to score, null when not given
 * @param existence   probability that the slot is a source; it exists when at least {@link #EXISTS}
 */
public record Slot(double azimuth, double elevation, Double distance, String classId, Map<String, Double> classScores,
                   double existence) {

    public static final double EXISTS = 0.5;

    public Slot {
        if (!Double.isFinite(azimuth) || !Double.isFinite(elevation)) {
            throw new IllegalArgumentException("slot direction must be finite, got " + azimuth + ", " + elevation);
        }
        if (elevation < -90 || elevation > 90) {
            throw new IllegalArgumentException("slot elevation must be in [-90, 90], got " + elevation);
        }
        if (!(existence >= 0 && existence <= 1)) {
            throw new IllegalArgumentException("slot existence must be in [0, 1], got " + existence);
        }
        azimuth = Angles.wrapAzimuth(azimuth);
        classScores = classScores == null ? null : Map.copyOf(classScores);
    }

    /** A slot with a direction and an existence only, as the DSP localizer gives it. */
    public static Slot direction(double azimuth, double elevation, double existence) {
        return new Slot(azimuth, elevation, null, null, null, existence);
    }

    public boolean exists() {
        return existence >= EXISTS;
    }
}
