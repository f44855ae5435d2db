package org.notmono.fx.task;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.notmono.task.CancelledException;

/**
 * The one place long work is started from the UI. Jobs run on a background executor; their
 * progress, end and failures reach the FX properties through the UI executor (the FX thread in
 * the app, the calling thread in tests). Running tasks are listed until they end; failures stay
 * listed until dismissed.
 */
public final class TaskService {
    private final Executor background;
    private final Executor ui;
    private final ObservableList<TaskHandle> running = FXCollections.observableArrayList();
    private final ObservableList<TaskFailure> failures = FXCollections.observableArrayList();

    public TaskService(Executor background, Executor ui) {
        this.background = Objects.requireNonNull(background);
        this.ui = Objects.requireNonNull(ui);
    }

    /** The app's service: daemon worker threads, updates on the FX thread. */
    public static TaskService forApplication() {
        ExecutorService workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "notmono-task");
            t.setDaemon(true);
            return t;
        });
        return new TaskService(workers, Platform::runLater);
    }

    /**
     * Starts a job. {@code onSuccess} runs on the UI executor with the result; a failure is
     * added to {@link #failures()}; a cancelled job just ends.
     */
    public <T> TaskHandle submit(String title, Job<T> job, Consumer<? super T> onSuccess) {
        TaskHandle handle = new TaskHandle(title, ui);
        running.add(handle);
        CompletableFuture.supplyAsync(() -> {
            try {
                return job.run(handle);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new JobException(e);
            }
        }, background).whenComplete((result, error) -> ui.execute(() -> end(handle, result, error, onSuccess)));
        return handle;
    }

    private <T> void end(TaskHandle handle, T result, Throwable error, Consumer<? super T> onSuccess) {
        running.remove(handle);
        Throwable cause = unwrap(error);
        if (cause == null) {
            handle.finish(TaskState.SUCCEEDED, null);
            try {
                onSuccess.accept(result);
            } catch (RuntimeException e) {
                failures.add(new TaskFailure(handle.title(), describe(e), e));
            }
        } else if (cause instanceof CancelledException || handle.isCancelled() && cause instanceof InterruptedException) {
            handle.finish(TaskState.CANCELLED, "cancelled");
        } else {
            handle.finish(TaskState.FAILED, describe(cause));
            failures.add(new TaskFailure(handle.title(), describe(cause), cause));
        }
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof JobException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    /** Tasks that have not ended, oldest first. */
    public ObservableList<TaskHandle> running() {
        return running;
    }

    /** Failures not yet dismissed, oldest first. */
    public ObservableList<TaskFailure> failures() {
        return failures;
    }

    /** Records a failure that happened outside a job (a file that cannot be opened, say). */
    public void reportFailure(String title, String message) {
        failures.add(new TaskFailure(title, message, null));
    }

    public void dismiss(TaskFailure failure) {
        failures.remove(failure);
    }

    /** True while any task runs (for the quit guard). */
    public BooleanBinding busy() {
        return Bindings.isNotEmpty(running);
    }

    /** Asks every running task to stop. */
    public void cancelAll() {
        running.forEach(TaskHandle::cancel);
    }

    /** Carries a checked exception out of the worker. */
    private static final class JobException extends RuntimeException {
        JobException(Exception cause) {
            super(cause);
        }
    }
}
