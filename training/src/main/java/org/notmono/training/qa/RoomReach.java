package org.notmono.training.qa;

import org.notmono.sim.scene.DirectionWords;
import org.notmono.sim.scene.DirectionWords.Sector;

/**
 * How far a shoebox room reaches from a listener standing level in it, sector by sector: the
 * largest distance from the listener's ears to a point of the room whose azimuth, as the
 * listener hears it, lies in the sector (DESIGN.md's sectors, {@link DirectionWords}). A
 * sound farther than that in that direction would be outside the room.
 */
final class RoomReach {
    private RoomReach() {
    }

    /**
     * @param size     the room's length (x), width (y) and height (z) in metres
     * @param position the listener's ears in room coordinates (x front at yaw 0, y left, z up)
     * @param yaw      the listener's heading in degrees, counter-clockwise from the room's x axis
     */
    static double farthest(double[] size, double[] position, double yaw, Sector sector) {
        double from = switch (sector) {
            case FRONT -> -DirectionWords.FRONT_EDGE;
            case LEFT -> DirectionWords.FRONT_EDGE;
            case BEHIND -> DirectionWords.BACK_EDGE;
            case RIGHT -> -DirectionWords.BACK_EDGE;
        } + yaw;
        double width = DirectionWords.BACK_EDGE - DirectionWords.FRONT_EDGE;
        double px = position[0], py = position[1];
        // the floor plan inside the wedge is convex: its farthest point is a corner in the wedge
        // or where one of the wedge's edges leaves the room
        double across = Math.max(exit(size, px, py, from), exit(size, px, py, from + width));
        for (double cx : new double[] {0, size[0]}) {
            for (double cy : new double[] {0, size[1]}) {
                double az = Math.toDegrees(Math.atan2(cy - py, cx - px));
                double past = ((az - from) % 360 + 360) % 360; // degrees counter-clockwise from the wedge's first edge
                if (past <= width + 1e-9 || past >= 360 - 1e-9) {
                    across = Math.max(across, Math.hypot(cx - px, cy - py));
                }
            }
        }
        double up = Math.max(position[2], size[2] - position[2]);
        return Math.hypot(across, up);
    }

    /** How far a horizontal ray from (px, py) at {@code azimuth} degrees runs before it leaves the floor plan. */
    private static double exit(double[] size, double px, double py, double azimuth) {
        double dx = Math.cos(Math.toRadians(azimuth)), dy = Math.sin(Math.toRadians(azimuth));
        double t = Double.MAX_VALUE;
        if (Math.abs(dx) > 1e-12) {
            t = Math.min(t, ((dx > 0 ? size[0] : 0) - px) / dx);
        }
        if (Math.abs(dy) > 1e-12) {
            t = Math.min(t, ((dy > 0 ? size[1] : 0) - py) / dy);
        }
        return Math.max(0, t);
    }
}
