package org.notmono.viewer.analysis;

/**
 * Energy arriving from each cell of a {@link DirectionGrid}: each time-frequency bin adds its
 * direct weight (energy times squared directness) to the cell its intensity vector points at
 * (or, from {@link SteeredResponse}, a beam's power per cell). Mutable only through {@link #holdMax}.
 */
public final class DirectionMap {
    private final DirectionGrid grid;
    private final double[] values;

    private DirectionMap(DirectionGrid grid, double[] values) {
        this.grid = grid;
        this.values = values;
    }

    public static DirectionMap empty(DirectionGrid grid) {
        return new DirectionMap(grid, new double[grid.cells()]);
    }

    /** A map of given cell values (row-major, as the grid's cells). */
    static DirectionMap ofValues(DirectionGrid grid, double[] values) {
        if (values.length != grid.cells()) {
            throw new IllegalArgumentException(values.length + " values for " + grid.cells() + " cells");
        }
        return new DirectionMap(grid, values);
    }

    /** The map of frames {@code first .. last} (inclusive, clamped to the clip) over the whole analysis band. */
    public static DirectionMap of(IntensityField f, DirectionGrid grid, int first, int last) {
        return of(f, grid, FrequencyBand.ALL, first, last);
    }

    /** The map of frames {@code first .. last} (inclusive, clamped to the clip) from the bins of one band. */
    public static DirectionMap of(IntensityField f, DirectionGrid grid, FrequencyBand band, int first, int last) {
        double[] v = new double[grid.cells()];
        int bins = f.bins();
        int low = Math.max(f.lowBin(), band.lowBin(f.stft(), f.sampleRate()));
        int high = Math.min(f.highBin(), band.highBin(f.stft(), f.sampleRate()));
        for (int t = Math.max(0, first); t <= Math.min(last, f.frames() - 1); t++) {
            for (int k = low; k <= high; k++) {
                int i = t * bins + k;
                float w = f.directWeight(i);
                if (w > 0) {
                    v[grid.cellOf(f.ix(i), f.iy(i), f.iz(i))] += w;
                }
            }
        }
        return new DirectionMap(grid, v);
    }

    /** The whole clip. */
    public static DirectionMap of(IntensityField f, DirectionGrid grid) {
        return of(f, grid, 0, f.frames() - 1);
    }

    public DirectionGrid grid() {
        return grid;
    }

    public double value(int row, int column) {
        return values[row * grid.columns() + column];
    }

    public double max() {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** Keeps in each cell the larger of this map's and {@code other}'s value (hold-max display). */
    public void holdMax(DirectionMap other) {
        if (!other.grid.equals(grid)) {
            throw new IllegalArgumentException("maps on different grids");
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.max(values[i], other.values[i]);
        }
    }

    /** The centre {azimuth, elevation} of the strongest cell. */
    public double[] peak() {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return new double[] {grid.cellAzimuth(best % grid.columns()), grid.cellElevation(best / grid.columns())};
    }

    public DirectionMap copy() {
        return new DirectionMap(grid, values.clone());
    }
}
