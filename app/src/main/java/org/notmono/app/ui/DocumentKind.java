package org.notmono.app.ui;

import java.nio.file.Path;
import java.util.Locale;

/** What a file is to the app, judged by its name. */
public enum DocumentKind {
    AUDIO, SCENE, UNSUPPORTED;

    public static DocumentKind of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".wav")) {
            return AUDIO;
        }
        if (name.endsWith(".scene.json")) {
            return SCENE;
        }
        return UNSUPPORTED;
    }
}
