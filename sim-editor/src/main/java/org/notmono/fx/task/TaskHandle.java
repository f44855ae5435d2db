package org.notmono.fx.task;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.notmono.task.TaskContext;

/**
 * One background task as the UI sees it: title, progress (-1 while unknown), message and
 * state as FX properties, and a cancel request. The worker reports through it as a
 * {@link TaskContext}; updates are coalesced so a fast worker cannot flood the FX thread.
 */
public final class TaskHandle implements TaskContext {
    private final String title;
    private final Executor uiExecutor;
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<TaskState> state = new SimpleObjectProperty<>(TaskState.RUNNING);
    private final AtomicReference<Update> pending = new AtomicReference<>();
    private volatile boolean cancelRequested;

    private record Update(double fraction, String message) {
    }

    TaskHandle(String title, Executor uiExecutor) {
        this.title = title;
        this.uiExecutor = uiExecutor;
    }

    public String title() {
        return title;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyObjectProperty<TaskState> stateProperty() {
        return state;
    }

    /** Asks the job to stop at its next check; the state becomes CANCELLED when it has. */
    public void cancel() {
        cancelRequested = true;
    }

    @Override
    public boolean isCancelled() {
        return cancelRequested;
    }

    @Override
    public void progress(double fraction, String text) {
        // only the first of a burst schedules a UI update; it then shows the latest values
        if (pending.getAndSet(new Update(fraction, text)) == null) {
            uiExecutor.execute(this::applyPending);
        }
    }

    private void applyPending() {
        Update u = pending.getAndSet(null);
        if (u != null && state.get() == TaskState.RUNNING) {
            progress.set(Double.isNaN(u.fraction) ? -1 : Math.clamp(u.fraction, 0, 1));
            if (u.message != null) {
                message.set(u.message);
            }
        }
    }

    /** Called on the UI executor when the job ends. */
    void finish(TaskState end, String finalMessage) {
        applyPending();
        if (end == TaskState.SUCCEEDED) {
            progress.set(1);
        }
        if (finalMessage != null) {
            message.set(finalMessage);
        }
        state.set(end);
    }
}
