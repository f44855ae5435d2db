package org.notmono.model.chat;

import java.util.Objects;

/** One earlier turn of a conversation, as the model reads it back (assistant turns in full, tags included). */
public record ChatTurn(ChatRole role, String text) {
    public ChatTurn {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
    }
}
