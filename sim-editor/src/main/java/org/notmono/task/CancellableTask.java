package org.notmono.task;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * A {@link TaskContext} that forwards progress to a listener and can be cancelled from
 * another thread. Thread-safe.
 */
public class CancellableTask implements TaskContext {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final BiConsumer<Double, String> listener;

    public CancellableTask(BiConsumer<Double, String> listener) {
        this.listener = listener;
    }

    @Override
    public void progress(double fraction, String message) {
        listener.accept(fraction, message);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    public void cancel() {
        cancelled.set(true);
    }
}
