package org.notmono.training.monitor;

/** What the charts' horizontal axis counts. */
public enum XAxis {
    STEP("step"),
    /** Hours since the run's first logged step (a stop and resume leaves its gap in). */
    RELATIVE("relative time (h)"),
    /** Date and time of day. */
    WALL("wall time");

    private final String label;

    XAxis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
