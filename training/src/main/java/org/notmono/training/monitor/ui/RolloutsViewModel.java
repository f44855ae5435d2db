package org.notmono.training.monitor.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.notmono.training.sapo.RolloutRecord;
import org.notmono.training.sapo.RolloutsLog;

/**
 * The SAPO rollouts of one Stage 4 run ({@code rollouts.jsonl}): the sampled questions, newest
 * step first, filterable by task family; for the selected question its prompt and the G answers
 * with each reward part, the total and the advantage. The file is re-read off the UI thread only
 * when it changed.
 */
public final class RolloutsViewModel {
    /** The family filter's value that shows every family. */
    public static final String ALL = "all families";
    private static final Logger LOG = Logger.getLogger(RolloutsViewModel.class.getName());

    private final Executor background;
    private final Executor ui;
    private final ObjectProperty<Path> run = new SimpleObjectProperty<>();
    private final StringProperty family = new SimpleStringProperty(ALL);
    private final ObservableList<String> families = FXCollections.observableArrayList(ALL);
    private final ObservableList<RolloutRecord> questions = FXCollections.observableArrayList();
    private final ObjectProperty<RolloutRecord> selected = new SimpleObjectProperty<>();
    private final ObservableList<RolloutRecord.Answer> answers = FXCollections.observableArrayList();
    private final ObservableList<String> parts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private List<RolloutRecord> all = List.of();
    private String stamp = "";

    /**
     * @param background where the file is read
     * @param ui where results are applied (the FX thread in the app)
     */
    public RolloutsViewModel(Executor background, Executor ui) {
        this.background = background;
        this.ui = ui;
        run.addListener((o, a, b) -> {
            stamp = "";
            all = List.of();
            selected.set(null);
            refresh();
        });
        family.addListener((o, a, b) -> filter());
        selected.addListener((o, a, b) -> {
            answers.setAll(b == null ? List.of() : b.answers());
            parts.setAll(b == null || b.answers().isEmpty() ? List.of() : b.answers().getFirst().parts().keySet());
        });
    }

    /** Re-reads the run's rollouts.jsonl when it changed since the last read. */
    public void refresh() {
        Path dir = run.get();
        background.execute(() -> {
            Path file = dir == null ? null : dir.resolve(RolloutsLog.FILE);
            try {
                String now = file == null || !Files.exists(file) ? "" : Files.size(file) + "@" + Files.getLastModifiedTime(file);
                if (now.equals(stamp) && !now.isEmpty()) {
                    return;
                }
                RolloutsLog.Contents read = file == null ? new RolloutsLog.Contents(List.of(), 0) : RolloutsLog.read(file);
                ui.execute(() -> apply(dir, now, read));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot read " + file, e);
                ui.execute(() -> summary.set("Cannot read " + file + ": " + e.getMessage()));
            }
        });
    }

    private void apply(Path dir, String now, RolloutsLog.Contents read) {
        if (dir != run.get()) {
            return; // another run was chosen meanwhile
        }
        stamp = now;
        all = read.records().reversed();
        TreeSet<String> seen = new TreeSet<>();
        all.forEach(r -> seen.add(r.family()));
        List<String> names = new ArrayList<>();
        names.add(ALL);
        names.addAll(seen);
        if (!families.equals(names)) {
            families.setAll(names);
        }
        if (!families.contains(family.get())) {
            family.set(ALL);
        }
        filter();
        String skipped = read.skipped() == 0 ? "" : "; " + read.skipped() + " incomplete line(s) skipped";
        summary.set(dir == null ? "" : all.isEmpty() ? "No rollouts in this run (Stage 4 runs log them)" + skipped
                : all.size() + " sampled questions, steps " + all.getLast().step() + "-" + all.getFirst().step() + skipped);
    }

    private void filter() {
        RolloutRecord keep = selected.get();
        List<RolloutRecord> shown = all.stream().filter(r -> ALL.equals(family.get()) || r.family().equals(family.get())).toList();
        questions.setAll(shown);
        selected.set(shown.contains(keep) ? keep : shown.isEmpty() ? null : shown.getFirst());
    }

    /** The run folder shown (null: none). */
    public ObjectProperty<Path> runProperty() {
        return run;
    }

    /** The family shown, or {@link #ALL}. */
    public StringProperty familyProperty() {
        return family;
    }

    /** {@link #ALL} and every family in the file. */
    public ObservableList<String> families() {
        return families;
    }

    /** The sampled questions of the family shown, newest step first. */
    public ObservableList<RolloutRecord> questions() {
        return questions;
    }

    public ObjectProperty<RolloutRecord> selectedProperty() {
        return selected;
    }

    /** The selected question's G answers. */
    public ObservableList<RolloutRecord.Answer> answers() {
        return answers;
    }

    /** The reward parts' names of the selected question, in the reward's order. */
    public ObservableList<String> parts() {
        return parts;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
