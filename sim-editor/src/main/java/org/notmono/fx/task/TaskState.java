package org.notmono.fx.task;

/** Where a background task is in its life. */
public enum TaskState {
    RUNNING, SUCCEEDED, FAILED, CANCELLED
}
