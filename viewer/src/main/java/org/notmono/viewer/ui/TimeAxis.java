package org.notmono.viewer.ui;

/** Maps between the visible span and pixels. */
final class TimeAxis {
    private TimeAxis() {
    }

    static double toX(ViewerViewModel m, double seconds, double width) {
        double start = m.viewStartProperty().get();
        return (seconds - start) / (m.viewEndProperty().get() - start) * width;
    }

    static double toSeconds(ViewerViewModel m, double x, double width) {
        double start = m.viewStartProperty().get();
        return start + x / width * (m.viewEndProperty().get() - start);
    }
}
