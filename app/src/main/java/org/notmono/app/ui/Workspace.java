package org.notmono.app.ui;

import java.util.Locale;

import org.notmono.fx.KeyBinding;

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

    /** The shortcut that switches to this workspace. */
    public KeyBinding binding() {
        return switch (this) {
            case SCENE -> KeyBinding.WORKSPACE_SCENE;
            case VIEW -> KeyBinding.WORKSPACE_VIEW;
            case CHAT -> KeyBinding.WORKSPACE_CHAT;
            case TRAINING -> KeyBinding.WORKSPACE_TRAINING;
        };
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
