package org.notmono.sim.sources;

/** The clip libraries the commands use. */
public final class ClipLibraries {
    private static final ClipLibrary STANDARD = new TestSignalLibrary();

    private ClipLibraries() {
    }

    /** The library random scenes draw from: the built-in test signals until the asset library is wired in. */
    public static ClipLibrary standard() {
        return STANDARD;
    }
}
