package org.notmono.viewer.analysis;

/** How a direction map is estimated from an FOA clip. */
public enum DirectionEstimator {
    /** Each time-frequency bin's direct energy in the cell its intensity vector points at: sharp, noisy. */
    INTENSITY("Intensity histogram"),
    /** First-order beam power per direction ({@link SteeredResponse}): smooth, broad peaks. */
    STEERED_RESPONSE("Steered response (SRP)");

    private final String label;

    DirectionEstimator(String label) {
        this.label = label;
    }

    /** The map of frames {@code first .. last} in a band. */
    public DirectionMap map(IntensityField f, DirectionGrid grid, FrequencyBand band, int first, int last) {
        return switch (this) {
            case INTENSITY -> DirectionMap.of(f, grid, band, first, last);
            case STEERED_RESPONSE -> SteeredResponse.map(f, grid, band, first, last);
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
