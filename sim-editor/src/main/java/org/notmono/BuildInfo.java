package org.notmono;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Where this build came from, for provenance records (dataset manifests, run configs,
 * model.json): NotMono's version and the git commit recorded at build time, with "-dirty"
 * when the tree had uncommitted changes, or "unknown" for a build outside git.
 */
public final class BuildInfo {
    private static final Properties PROPERTIES = read();
    private static final String COMMIT = commit();

    private BuildInfo() {
    }

    public static String gitCommit() {
        return COMMIT;
    }

    /** The project version of this build (the Maven version, e.g. {@code 0.1.0-SNAPSHOT}), or "unknown". */
    public static String version() {
        String v = PROPERTIES.getProperty("git.build.version", "").strip();
        return v.isEmpty() ? "unknown" : v;
    }

    private static String commit() {
        String id = PROPERTIES.getProperty("git.commit.id.full", "").strip();
        if (id.isEmpty()) {
            return "unknown";
        }
        return Boolean.parseBoolean(PROPERTIES.getProperty("git.dirty")) ? id + "-dirty" : id;
    }

    private static Properties read() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/org/notmono/git.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable file leaves every field "unknown"
        }
        return p;
    }
}
