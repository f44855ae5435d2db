package org.notmono.app.ui;

import java.net.URL;
import java.util.List;
import java.util.Locale;

/** Light and dark looks; each is a stylesheet in the assets module. */
public enum Theme {
    LIGHT, DARK;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The theme's colours, then the styles both themes share. */
    public List<String> stylesheets() {
        return List.of(sheet("notmono-" + id() + ".css"), sheet("notmono-common.css"));
    }

    private static String sheet(String name) {
        URL url = Theme.class.getResource("/assets/css/" + name);
        if (url == null) {
            throw new IllegalStateException("stylesheet /assets/css/" + name + " is missing from the assets module");
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
