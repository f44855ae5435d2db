package org.notmono.viewer.analysis;

import org.notmono.sim.scene.Angles;

/**
 * An equirectangular azimuth/elevation grid of square cells: column 0 starts at azimuth +180
 * (left edge, the convention of direction maps: left of the listener on the left) going down to
 * -180 at the right edge; row 0 is elevation +90 (top).
 */
public record DirectionGrid(double cellDegrees) {

    public DirectionGrid {
        if (!(cellDegrees > 0) || 180 % cellDegrees != 0) {
            throw new IllegalArgumentException("cell size must divide 180 degrees, got " + cellDegrees);
        }
    }

    public int columns() {
        return (int) Math.round(360 / cellDegrees);
    }

    public int rows() {
        return (int) Math.round(180 / cellDegrees);
    }

    public int cells() {
        return columns() * rows();
    }

    /** The column of an azimuth in degrees. */
    public int column(double azimuth) {
        int c = (int) Math.floor((180 - Angles.wrapAzimuth(azimuth)) / cellDegrees);
        return Math.clamp(c, 0, columns() - 1);
    }

    public int row(double elevation) {
        return Math.clamp((int) Math.floor((90 - elevation) / cellDegrees), 0, rows() - 1);
    }

    /** The cell of a direction vector (x front, y left, z up; need not be unit). */
    public int cellOf(double x, double y, double z) {
        return row(Angles.elevationOf(x, y, z)) * columns() + column(Angles.azimuthOf(x, y));
    }

    public double cellAzimuth(int column) {
        return 180 - (column + 0.5) * cellDegrees;
    }

    public double cellElevation(int row) {
        return 90 - (row + 0.5) * cellDegrees;
    }
}
