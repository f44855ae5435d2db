package org.notmono.app.ui;

import java.net.URL;
import java.util.Locale;

/** Light and dark looks; each is a stylesheet in the assets module. */
public enum Theme {
    LIGHT, DARK;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String stylesheet() {
        URL url = Theme.class.getResource("/assets/css/notmono-" + id() + ".css");
        if (url == null) {
            throw new IllegalStateException("stylesheet /assets/css/notmono-" + id() + ".css is missing from the assets module");
        }
        return url.toExternalForm();
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    public static Theme fromId(String id) {
        return "dark".equalsIgnoreCase(id) ? DARK : LIGHT;
    }
}
