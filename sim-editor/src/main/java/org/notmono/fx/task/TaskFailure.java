package org.notmono.fx.task;

/**
 * A task that failed, kept until the user dismisses it.
 *
 * @param title   the task's title ("Render scene")
 * @param message what went wrong, in the words of the exception
 * @param cause   the exception, for the details view
 */
public record TaskFailure(String title, String message, Throwable cause) {
}
