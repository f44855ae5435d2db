package org.notmono.training.qa;

import java.util.Locale;

import org.notmono.sim.scene.Angles;
import org.notmono.sim.scene.DirectionWords.Height;

import static org.notmono.sim.scene.DirectionWords.ABOVE;
import static org.notmono.sim.scene.DirectionWords.BACK_EDGE;
import static org.notmono.sim.scene.DirectionWords.EAR;
import static org.notmono.sim.scene.DirectionWords.FRONT_EDGE;
import static org.notmono.sim.scene.DirectionWords.OVERHEAD;

/**
 * What questions may say of directions and distances: the words are DESIGN.md's table
 * ({@link org.notmono.sim.scene.DirectionWords}, shared with the RTSD text). Questions keep a margin from every
 * boundary they name ({@link #ANGLE_MARGIN}) and never compare distances closer than
 * {@link #DISTANCE_MARGIN_M} or {@link #DISTANCE_MARGIN_SHARE}.
 */
public final class SpatialWords {
    /** Degrees a source must be from a sector boundary before a question names its sector. */
    public static final double ANGLE_MARGIN = 10;
    public static final double DISTANCE_MARGIN_M = 0.5;
    public static final double DISTANCE_MARGIN_SHARE = 0.2;
    /** Distances named in answers: a source is "about" the nearest of these (in ratio). */
    static final double[] LADDER = {0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40};

    private SpatialWords() {
    }

    /** True when the azimuth is at least {@link #ANGLE_MARGIN} from every sector boundary (+-45, +-135). */
    public static boolean clearSector(double azimuth) {
        double a = Math.abs(Angles.wrapAzimuth(azimuth));
        return Math.abs(a - FRONT_EDGE) >= ANGLE_MARGIN && Math.abs(a - BACK_EDGE) >= ANGLE_MARGIN;
    }

    /**
     * The height a question may name, or null when the elevation is within the margin of a
     * boundary: above needs el &gt; 30, below el &lt; -30, ear height |el| &lt;= 10 (which is 10
     * degrees from "above"); overhead sources are not asked about.
     */
    public static Height clearHeight(double elevation) {
        if (elevation > ABOVE + ANGLE_MARGIN && elevation < OVERHEAD - ANGLE_MARGIN) {
            return Height.ABOVE;
        }
        if (elevation < -ABOVE - ANGLE_MARGIN) {
            return Height.BELOW;
        }
        return Math.abs(elevation) <= EAR ? Height.EAR : null;
    }

    /** The named distance nearest (in ratio) to {@code metres}. */
    public static double about(double metres) {
        double best = LADDER[0], bestGap = Math.abs(Math.log(best / metres));
        for (double d : LADDER) {
            double gap = Math.abs(Math.log(d / metres));
            if (gap < bestGap) {
                best = d;
                bestGap = gap;
            }
        }
        return best;
    }

    /** True when two distances differ by at least 0.5 m and 20% of the larger. */
    public static boolean distinctDistances(double a, double b) {
        double gap = Math.abs(a - b);
        return gap >= DISTANCE_MARGIN_M && gap >= DISTANCE_MARGIN_SHARE * Math.max(a, b);
    }

    /** The side-to-side angle of a direction in degrees: +90 fully left, -90 fully right. */
    public static double lateral(double azimuth, double elevation) {
        double s = Math.sin(Math.toRadians(azimuth)) * Math.cos(Math.toRadians(elevation));
        return Math.toDegrees(Math.asin(Math.clamp(s, -1, 1)));
    }

    /** "2.5 m", "4 m". */
    public static String metres(double d) {
        return number(d) + " m";
    }

    /** A named distance as a canonical option value: "2.5", "4". */
    public static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(Math.round(d * 10) / 10.0);
    }

    /** The distances a question may offer as wrong answers to a source {@code truth} metres away. */
    static java.util.List<Double> wrongDistances(double truth, double maxPlausible) {
        double named = about(truth);
        java.util.List<Double> out = new java.util.ArrayList<>();
        for (double d : LADDER) {
            double ratio = Math.max(d / named, named / d);
            if (d <= maxPlausible && ratio >= 1.5 && distinctDistances(d, truth)) {
                out.add(d);
            }
        }
        return out;
    }

    /** One decimal, as thoughts cite measured distances: "2.2 m". */
    public static String measured(double d) {
        return String.format(Locale.ROOT, "%.1f m", d);
    }

    /** Whole degrees, as thoughts cite angles: "153 degrees". */
    public static String degrees(double a) {
        return Math.round(a) + " degrees";
    }
}
