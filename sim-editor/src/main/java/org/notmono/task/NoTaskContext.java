package org.notmono.task;

/** The context of a job nobody watches. */
enum NoTaskContext implements TaskContext {
    INSTANCE;

    @Override
    public void progress(double fraction, String message) {
        // nobody listens
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
