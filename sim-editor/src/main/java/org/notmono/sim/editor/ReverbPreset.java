package org.notmono.sim.editor;

/** The TWNM reverberation categories (DESIGN.md) as presets: the middle of each absorption range. */
public enum ReverbPreset {
    WET("Wet", 0.10),
    MODERATE("Moderate", 0.275),
    DRY("Dry", 0.60);

    private final String title;
    private final double absorption;

    ReverbPreset(String title, double absorption) {
        this.title = title;
        this.absorption = absorption;
    }

    /** Uniform energy absorption of every wall. */
    public double absorption() {
        return absorption;
    }

    @Override
    public String toString() {
        return title;
    }
}
