package org.notmono.model.chat;

/**
 * The request cannot be answered as given (a mono clip, an empty question, ...). The message
 * says what was wrong and what to do; the chat shows it and {@code ask} exits with 2.
 */
public class ChatInputException extends Exception {
    public ChatInputException(String message) {
        super(message);
    }
}
