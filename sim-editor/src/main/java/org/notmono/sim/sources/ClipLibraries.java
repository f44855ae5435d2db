package org.notmono.sim.sources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The clip libraries the commands and the editor use. */
public final class ClipLibraries {

    private ClipLibraries() {
    }

    /** Loaded on first use: parsing the manifest is cheap, but not free at start-up. */
    private static final class Holder {
        static final AssetLibrary ASSETS = loadAssets();
        static final ClipLibrary RESOLVABLE = new CombinedLibrary(List.of(ASSETS, new TestSignalLibrary()));

        private static AssetLibrary loadAssets() {
            try {
                return AssetLibrary.load();
            } catch (IOException e) {
                throw new UncheckedIOException("the asset library cannot be read: " + e.getMessage(), e);
            }
        }
    }

    /** The library random scenes and datasets draw from: the dry-source clips shipped in assets/. */
    public static AssetLibrary standard() {
        return Holder.ASSETS;
    }

    /** Every clip a scene file may name by reference: the assets plus the built-in test signals. */
    public static ClipLibrary resolvable() {
        return Holder.RESOLVABLE;
    }
}
