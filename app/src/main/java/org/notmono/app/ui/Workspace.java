package org.notmono.app.ui;

import java.util.Locale;

/** The app's workspaces, one per job, in tab order. */
public enum Workspace {
    SCENE("Scene"),
    VIEW("Listen & View"),
    CHAT("Chat"),
    TRAINING("Training");

    private final String title;

    Workspace(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The id used on the command line and in settings: scene, view, chat, training. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an id; null when unknown. */
    public static Workspace fromId(String id) {
        for (Workspace w : values()) {
            if (w.id().equalsIgnoreCase(id)) {
                return w;
            }
        }
        return null;
    }
}
