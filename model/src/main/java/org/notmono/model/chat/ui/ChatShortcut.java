package org.notmono.model.chat.ui;

import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/** The Chat workspace's keys; the app's shortcuts dialog lists them. */
public enum ChatShortcut {
    SEND("Send the question (Chat)", "Enter"),
    NEW_LINE("New line in the question (Chat)", "Shift+Enter"),
    STOP("Stop the answer (Chat)", "Esc"),
    CLEAR("Clear the conversation (Chat)", "Shortcut+L");

    private final String action;
    private final KeyCombination combination;

    ChatShortcut(String action, String combination) {
        this.action = action;
        this.combination = KeyCombination.valueOf(combination);
    }

    public String action() {
        return action;
    }

    public KeyCombination combination() {
        return combination;
    }

    public boolean matches(KeyEvent e) {
        return combination.match(e);
    }
}
