package org.notmono.app.ui;

import java.nio.file.Path;
import java.util.List;

/**
 * What the GUI was started for: files to open, an optional workspace, a theme ({@code light} or
 * {@code dark}; null: the one in the settings), a LALM checkpoint folder for the chat to load
 * (null: only the shipped one) and, for {@code --snapshot}, the PNG to render the window to
 * before exiting.
 */
public record GuiRequest(List<Path> files, Workspace workspace, Path snapshot, String theme, Path lalm) {

    public GuiRequest(List<Path> files, Workspace workspace, Path snapshot) {
        this(files, workspace, snapshot, null, null);
    }

    public static GuiRequest interactive(List<Path> files) {
        return new GuiRequest(files, null, null);
    }

    public boolean isSnapshot() {
        return snapshot != null;
    }
}
