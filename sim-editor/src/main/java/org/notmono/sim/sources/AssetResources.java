package org.notmono.sim.sources;

import java.io.IOException;
import java.io.InputStream;

/** Opens files of the assets module, which are classpath resources under {@code /assets/}. */
final class AssetResources {

    /** The prefix scenes use for asset clips: {@code assets:env/dog_bark_01.wav}. */
    static final String REF_PREFIX = "assets:";

    private AssetResources() {
    }

    /** Opens {@code /assets/<path>}; the caller closes it. */
    static InputStream open(String path) throws IOException {
        InputStream in = AssetResources.class.getResourceAsStream("/assets/" + path);
        if (in == null) {
            throw new IOException("/assets/" + path + " is not on the classpath (is the assets module there?)");
        }
        return in;
    }
}
