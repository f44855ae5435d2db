package org.notmono;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Where this build came from, for provenance records (dataset manifests, run configs,
 * model.json): the git commit recorded at build time, with "-dirty" when the tree had
 * uncommitted changes, or "unknown" for a build outside git.
 */
public final class BuildInfo {
    private static final String COMMIT = readCommit();

    private BuildInfo() {
    }

    public static String gitCommit() {
        return COMMIT;
    }

    private static String readCommit() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/org/notmono/git.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String id = p.getProperty("git.commit.id.full", "").strip();
            if (id.isEmpty()) {
                return "unknown";
            }
            return Boolean.parseBoolean(p.getProperty("git.dirty")) ? id + "-dirty" : id;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
