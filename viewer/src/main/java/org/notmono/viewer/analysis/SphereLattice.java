package org.notmono.viewer.analysis;

import java.util.ArrayList;
import java.util.List;

import org.notmono.sim.scene.Angles;

/**
 * Nearly uniform points on the unit sphere (a Fibonacci lattice), with a fast nearest-point
 * lookup through a fine equirectangular table and each point's neighbours within a radius.
 */
final class SphereLattice {
    private static final DirectionGrid LOOKUP = new DirectionGrid(1);

    private final double[][] points;
    private final int[] nearest;
    private final int[][] neighbours;
    private final double[][] neighbourDots;

    SphereLattice(int count, double neighbourRadiusDeg) {
        points = new double[count][];
        double golden = Math.PI * (3 - Math.sqrt(5));
        for (int i = 0; i < count; i++) {
            double z = 1 - (2.0 * i + 1) / count;
            double r = Math.sqrt(1 - z * z);
            points[i] = new double[] {r * Math.cos(golden * i), r * Math.sin(golden * i), z};
        }
        nearest = new int[LOOKUP.cells()];
        for (int row = 0; row < LOOKUP.rows(); row++) {
            for (int col = 0; col < LOOKUP.columns(); col++) {
                nearest[row * LOOKUP.columns() + col] =
                        nearestByScan(Angles.unitVector(LOOKUP.cellAzimuth(col), LOOKUP.cellElevation(row)));
            }
        }
        double cosRadius = Math.cos(Math.toRadians(neighbourRadiusDeg));
        neighbours = new int[count][];
        neighbourDots = new double[count][];
        for (int i = 0; i < count; i++) {
            List<Integer> near = new ArrayList<>();
            for (int j = 0; j < count; j++) {
                if (dot(points[i], points[j]) >= cosRadius) {
                    near.add(j);
                }
            }
            double[] self = points[i];
            neighbours[i] = near.stream().mapToInt(Integer::intValue).toArray();
            neighbourDots[i] = near.stream().mapToDouble(j -> dot(self, points[j])).toArray();
        }
    }

    private int nearestByScan(double[] v) {
        int best = 0;
        double bestDot = -2;
        for (int i = 0; i < points.length; i++) {
            double d = dot(points[i], v);
            if (d > bestDot) {
                bestDot = d;
                best = i;
            }
        }
        return best;
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    int size() {
        return points.length;
    }

    double[] point(int i) {
        return points[i];
    }

    /** The lattice point nearest a direction vector (need not be unit), to within the 1-degree table. */
    int nearest(double x, double y, double z) {
        return nearest[LOOKUP.cellOf(x, y, z)];
    }

    int[] neighbours(int i) {
        return neighbours[i];
    }

    double[] neighbourDots(int i) {
        return neighbourDots[i];
    }
}
