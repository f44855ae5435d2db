package org.notmono.training.monitor.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.notmono.training.monitor.Eta;
import org.notmono.training.monitor.RunHistory;
import org.notmono.training.monitor.RunMonitor;
import org.notmono.training.monitor.RunState;
import org.notmono.training.monitor.RunStatus;
import org.notmono.training.monitor.StageSpec;

/** One run in the runs table: its status, progress, ETA, headline metrics, checkpoints and metrics history. */
public final class RunRow {
    private final Path dir;
    private final int colour;
    private final RunHistory history = new RunHistory();
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(RunState.STARTING);
    private final ReadOnlyStringWrapper stage = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper step = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper totalSteps = new ReadOnlyLongWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper eta = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastMetrics = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<Long> checkpoints = FXCollections.observableArrayList();
    private final LongProperty pid = new SimpleLongProperty();
    private final ObjectProperty<RunStatus> status = new SimpleObjectProperty<>();

    RunRow(Path dir, int colour) {
        this.dir = dir;
        this.colour = colour;
    }

    /** Takes in what a poll found. */
    void update(RunMonitor.Snapshot s, StageSpec spec) {
        RunStatus st = s.status();
        status.set(st);
        if (s.metrics().restarted()) {
            history.clear();
        }
        history.addAll(s.metrics().records());
        state.set(st.state());
        stage.set(st.stage());
        pid.set(st.pid());
        long shownStep = Math.max(st.step(), history.lastStep());
        step.set(shownStep);
        totalSteps.set(st.totalSteps());
        progress.set(st.totalSteps() > 0 ? Math.min(1, shownStep / (double) st.totalSteps()) : -1);
        Optional<Duration> left = st.state() == RunState.RUNNING ? Eta.of(history, st.totalSteps()) : Optional.empty();
        eta.set(left.map(Eta::format).orElse(""));
        message.set(st.message());
        lastMetrics.set(headline(spec));
        if (!checkpoints.equals(s.checkpoints())) {
            checkpoints.setAll(s.checkpoints());
        }
    }

    private String headline(StageSpec spec) {
        List<String> keys = spec == null ? List.of("train/loss") : spec.headline();
        StringBuilder b = new StringBuilder();
        for (String k : keys) {
            double v = history.last(k);
            if (Double.isFinite(v)) {
                b.append(b.isEmpty() ? "" : "  ").append(k.replaceFirst("^.*/", "")).append(' ')
                        .append(String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : "%.4g", v));
            }
        }
        return b.toString();
    }

    public Path dir() {
        return dir;
    }

    public String name() {
        return dir.getFileName().toString();
    }

    /** Index into the chart palette, kept for the run's life in this app. */
    public int colour() {
        return colour;
    }

    public RunHistory history() {
        return history;
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stageProperty() {
        return stage.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty totalStepsProperty() {
        return totalSteps.getReadOnlyProperty();
    }

    /** In [0, 1], or -1 when the total is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty etaProperty() {
        return eta.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastMetricsProperty() {
        return lastMetrics.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObservableList<Long> checkpoints() {
        return checkpoints;
    }

    public long pid() {
        return pid.get();
    }

    public RunStatus status() {
        return status.get();
    }

    @Override
    public String toString() {
        return name();
    }
}
