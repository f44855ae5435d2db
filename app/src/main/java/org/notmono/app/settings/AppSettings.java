package org.notmono.app.settings;

import java.util.ArrayList;
import java.util.List;

/**
 * What the app remembers between runs. A plain bean for Jackson; fields missing from an
 * older file keep their defaults.
 */
public final class AppSettings {
    public static final int MAX_RECENT = 10;

    /** Window geometry; NaN position means "let the system place it". */
    public double windowX = Double.NaN;
    public double windowY = Double.NaN;
    public double windowWidth = 1400;
    public double windowHeight = 900;
    public boolean maximized;
    /** "light" or "dark". */
    public String theme = "light";
    /** Workspace id shown last. */
    public String workspace = "scene";
    /** Most recent first. */
    public List<String> recentFiles = new ArrayList<>();

    /** Puts a file first in the recent list, without duplicates, keeping at most {@link #MAX_RECENT}. */
    public void addRecent(String file) {
        recentFiles.remove(file);
        recentFiles.addFirst(file);
        while (recentFiles.size() > MAX_RECENT) {
            recentFiles.removeLast();
        }
    }
}
