package org.notmono.app.settings;

import java.nio.file.Path;

/**
 * The folder for settings, logs and recovery files: {@code -Dnotmono.home}, else
 * {@code $NOTMONO_HOME}, else {@code $XDG_CONFIG_HOME/notmono}, else {@code ~/.notmono}.
 */
public final class NotMonoHome {
    private NotMonoHome() {
    }

    public static Path dir() {
        String prop = System.getProperty("notmono.home");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv("NOTMONO_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "notmono");
        }
        return Path.of(System.getProperty("user.home"), ".notmono");
    }
}
