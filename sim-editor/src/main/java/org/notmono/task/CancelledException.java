package org.notmono.task;

/** Thrown by a job that stopped because it was asked to; not a failure. */
public class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled");
    }
}
