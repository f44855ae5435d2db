package org.notmono.cli;

/**
 * Bad usage or bad input: the command line prints the message as one line on stderr and exits
 * with code 2. The message says what was wrong, where, and what to do.
 */
public class InputException extends RuntimeException {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
