package org.notmono.sim.room;

/** A rectangular room with its origin at a floor corner; sizes in metres. */
public record Shoebox(double lx, double ly, double lz) {

    public Shoebox {
        if (!(lx > 0 && ly > 0 && lz > 0) || !Double.isFinite(lx + ly + lz)) {
            throw new IllegalArgumentException("room size must be three positive numbers, got " + lx + ", " + ly + ", " + lz);
        }
    }

    public double volume() {
        return lx * ly * lz;
    }

    public double surface() {
        return 2 * (lx * ly + lx * lz + ly * lz);
    }

    public double size(int axis) {
        return switch (axis) {
            case 0 -> lx;
            case 1 -> ly;
            case 2 -> lz;
            default -> throw new IllegalArgumentException("axis " + axis);
        };
    }

    public double shortestSide() {
        return Math.min(lx, Math.min(ly, lz));
    }

    public double longestSide() {
        return Math.max(lx, Math.max(ly, lz));
    }

    /**
     * Which wall {@code p} is closest to and how far; a negative distance means outside.
     */
    public WallDistance nearestWall(Point3 p) {
        WallDistance best = new WallDistance(Wall.WEST, p.x());
        best = best.closer(new WallDistance(Wall.EAST, lx - p.x()));
        best = best.closer(new WallDistance(Wall.SOUTH, p.y()));
        best = best.closer(new WallDistance(Wall.NORTH, ly - p.y()));
        best = best.closer(new WallDistance(Wall.FLOOR, p.z()));
        return best.closer(new WallDistance(Wall.CEILING, lz - p.z()));
    }

    /** Distance of a point to one wall. */
    public record WallDistance(Wall wall, double distance) {
        WallDistance closer(WallDistance o) {
            return o.distance < distance ? o : this;
        }
    }
}
