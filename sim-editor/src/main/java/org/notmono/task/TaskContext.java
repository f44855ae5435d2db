package org.notmono.task;

/**
 * What a long job sees of the outside world: it reports progress to it and asks it whether it
 * should stop. Every long headless job (rendering, dataset generation, training, analysis)
 * takes one; the app's task service and the terminal progress bar implement it.
 */
public interface TaskContext {

    /** Reports progress: {@code fraction} in [0, 1] (NaN when unknown) and a short message. */
    void progress(double fraction, String message);

    /** True once someone asked the job to stop. */
    boolean isCancelled();

    /** Throws {@link CancelledException} when the job was asked to stop. Call it between units of work. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /**
     * A view of this context for a sub-job that covers [from, to] of this job's progress:
     * the sub-job reports 0..1, the parent sees from..to. Cancelling the parent cancels it.
     */
    default TaskContext slice(double from, double to) {
        TaskContext parent = this;
        return new TaskContext() {
            @Override
            public void progress(double fraction, String message) {
                parent.progress(Double.isNaN(fraction) ? Double.NaN : from + (to - from) * fraction, message);
            }

            @Override
            public boolean isCancelled() {
                return parent.isCancelled();
            }
        };
    }

    /** A context that ignores progress and is never cancelled. */
    static TaskContext none() {
        return NoTaskContext.INSTANCE;
    }
}
