package org.notmono.training.monitor;

import java.util.Locale;

/** What a run is doing, as the runs table shows it. */
public enum RunState {
    /** The folder exists, status.json does not yet. */
    STARTING,
    RUNNING,
    FINISHED,
    /** Stopped on request with a checkpoint; resumable. */
    STOPPED,
    FAILED,
    /** status.json says running but its process is gone (killed, crashed, machine restarted); resumable. */
    STALE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A process may be training this run now. */
    public boolean isActive() {
        return this == STARTING || this == RUNNING;
    }
}
