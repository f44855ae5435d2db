package org.notmono.fx;

import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Every keyboard shortcut of the app in one place: the shell's menus and the workspaces bind
 * their keys from here, and Help > Keyboard shortcuts lists them from here.
 */
public enum KeyBinding {
    NEW_SCENE("New scene", "Shortcut+N"),
    OPEN("Open...", "Shortcut+O"),
    SAVE("Save", "Shortcut+S"),
    SAVE_AS("Save as...", "Shortcut+Shift+S"),
    IMPORT_AUDIO("Import audio...", "Shortcut+I"),
    EXPORT("Export...", "Shortcut+E"),
    LOAD_ENCODER("Load encoder checkpoint...", "Shortcut+Shift+L"),
    LOAD_LALM("Load LALM checkpoint...", "Shortcut+Alt+L"),
    QUIT("Quit", "Shortcut+Q"),
    UNDO("Undo", "Shortcut+Z"),
    REDO("Redo", "Shortcut+Shift+Z"),
    COPY("Copy source", "Shortcut+C"),
    PASTE("Paste source", "Shortcut+V"),
    DELETE("Delete source", "Delete"),
    RENDER_SCENE("Render scene", "Shortcut+R"),
    RANDOM_SCENE("Random scene from the seed", "Shortcut+Shift+R"),
    ASK_ABOUT_SCENE("Ask about this scene (Chat)", "Shortcut+Shift+A"),
    RESET_3D_VIEW("Reset the 3D view", "Shortcut+0"),
    TOGGLE_THEME("Toggle light/dark theme", "Shortcut+Shift+T"),
    WORKSPACE_SCENE("Scene workspace", "Shortcut+1"),
    WORKSPACE_VIEW("Listen & View workspace", "Shortcut+2"),
    WORKSPACE_CHAT("Chat workspace", "Shortcut+3"),
    WORKSPACE_TRAINING("Training workspace", "Shortcut+4"),
    SHORTCUTS("Keyboard shortcuts", "F1"),
    PLAY_PAUSE("Play or pause (Listen & View)", "Space"),
    TO_START("Back to the start (Listen & View)", "Home"),
    CHAT_SEND("Send the question (Chat)", "Enter"),
    CHAT_NEW_LINE("New line in the question (Chat)", "Shift+Enter"),
    CHAT_STOP("Stop the answer (Chat)", "Esc"),
    CHAT_CLEAR("Clear the conversation (Chat)", "Shortcut+L"),
    ROLLOUTS_RELOAD("Read the rollouts again (Training, Rollouts tab)", "F5"),
    ROLLOUTS_FAMILY("Focus the rollouts' family chooser (Training, Rollouts tab)", "Shortcut+Shift+F");

    private final String action;
    private final KeyCombination combination;

    KeyBinding(String action, String combination) {
        this.action = action;
        this.combination = KeyCombination.valueOf(combination);
    }

    public String action() {
        return action;
    }

    public KeyCombination combination() {
        return combination;
    }

    /** True when {@code e} is this binding's key combination. */
    public boolean matches(KeyEvent e) {
        return combination.match(e);
    }
}
