package org.notmono.viewer.analysis;

import java.util.List;

/**
 * The straight line between two directions on an azimuth-elevation map, going the short way round:
 * directions either side of the back (azimuth +-180 degrees, the map's left and right edges) are
 * joined across the edges, as two pieces that meet the edges at the same elevation, not by a line
 * through the front across the whole map.
 */
public final class ShortestArc {
    private ShortestArc() {
    }

    /** A piece of the line, azimuths within [-180, 180]. */
    public record Piece(double azimuth1, double elevation1, double azimuth2, double elevation2) {
    }

    /** One piece when the azimuths are at most 180 degrees apart, else two split at the back. */
    public static List<Piece> between(double azimuth1, double elevation1, double azimuth2, double elevation2) {
        double delta = azimuth2 - azimuth1;
        if (Math.abs(delta) <= 180) {
            return List.of(new Piece(azimuth1, elevation1, azimuth2, elevation2));
        }
        double edge1 = delta > 0 ? -180 : 180; // going from azimuth1 away from azimuth2, across the back
        double shortDelta = delta > 0 ? delta - 360 : delta + 360;
        // -180 and 180 are one azimuth (shortDelta 0): the line runs along the edge, from the seam at elevation1
        double fraction = shortDelta == 0 ? 0 : (edge1 - azimuth1) / shortDelta;
        double seam = elevation1 + fraction * (elevation2 - elevation1);
        return List.of(new Piece(azimuth1, elevation1, edge1, seam), new Piece(-edge1, seam, azimuth2, elevation2));
    }
}
