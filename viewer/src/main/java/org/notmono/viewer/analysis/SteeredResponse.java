package org.notmono.viewer.analysis;

import org.notmono.sim.scene.Angles;

/**
 * Steered-response power on the FOA covariance: for each cell of a {@link DirectionGrid}, the
 * power {@code w^T R w} of a first-order hypercardioid beam {@code (W + 3 u.(X, Y, Z)) / 4}
 * (SN3D; the pattern {@code (1 + 3 cos theta) / 4}, the most directive of first order) steered at
 * the cell's direction {@code u}. Unlike the per-bin intensity histogram it gives a smooth map with
 * one broad peak per dominant source, as the beamforming maps of SPARTA's analysers do.
 */
public final class SteeredResponse {
    private SteeredResponse() {
    }

    /** The map of a covariance in (W, Y, Z, X) order. */
    public static DirectionMap map(double[][] r, DirectionGrid grid) {
        double[] v = new double[grid.cells()];
        for (int row = 0; row < grid.rows(); row++) {
            for (int col = 0; col < grid.columns(); col++) {
                double[] u = Angles.unitVector(grid.cellAzimuth(col), grid.cellElevation(row));
                double[] w = {0.25, 0.75 * u[1], 0.75 * u[2], 0.75 * u[0]};
                double p = 0;
                for (int i = 0; i < 4; i++) {
                    for (int j = 0; j < 4; j++) {
                        p += w[i] * r[i][j] * w[j];
                    }
                }
                v[row * grid.columns() + col] = Math.max(0, p);
            }
        }
        return DirectionMap.ofValues(grid, v);
    }

    /** The map of frames {@code first .. last} of a band of an analysed clip. */
    public static DirectionMap map(IntensityField f, DirectionGrid grid, FrequencyBand band, int first, int last) {
        return map(f.covariance().sum(band, first, last), grid);
    }
}
