package org.notmono.model.chat;

/** Who said a turn of a conversation. */
public enum ChatRole {
    USER,
    ASSISTANT
}
