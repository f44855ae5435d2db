package org.notmono.training.monitor.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.notmono.fx.task.TaskService;
import org.notmono.model.chat.OptionChoice;
import org.notmono.task.CancelledException;
import org.notmono.training.monitor.ChildProgress;
import org.notmono.training.monitor.ConfigDiff;
import org.notmono.training.monitor.EvalResult;
import org.notmono.training.asa.LalmAnswerer;
import org.notmono.training.monitor.NotMonoCli;
import org.notmono.training.monitor.RunLock;
import org.notmono.training.monitor.RunMonitor;
import org.notmono.training.monitor.RunState;
import org.notmono.training.monitor.Smoothing;
import org.notmono.training.monitor.StageCatalog;
import org.notmono.training.monitor.StageInput;
import org.notmono.training.monitor.StageSpec;
import org.notmono.training.monitor.XAxis;

/**
 * The Training workspace: stage cards that launch runs as child processes running the same
 * {@code notmono train ...} command a user could type, the runs found under the watched runs
 * folder (launched here, from a terminal, or by another app; still going after a restart),
 * their curves, checkpoints, evaluation and configs. The app only launches processes and reads
 * run folders, so closing it never stops a run.
 */
public final class TrainingViewModel {
    private static final Logger LOG = Logger.getLogger(TrainingViewModel.class.getName());
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    /** Colours of the chart palette; runs keep theirs for the app's life. */
    public static final int PALETTE = 10;
    private static final int LOG_TAIL_BYTES = 64 * 1024;

    private final TaskService tasks;
    private final NotMonoCli cli;
    private final Path settingsFile;
    private final Executor background;
    private final Executor ui;
    private final Consumer<Path> useCheckpoint;
    private final Consumer<Path> useLalm;
    private final RunMonitor monitor;
    private final ObjectProperty<Path> runsRoot = new SimpleObjectProperty<>();
    private final ObservableList<RunRow> runs = FXCollections.observableArrayList();
    private final ObservableList<RunRow> selected = FXCollections.observableArrayList();
    private final ObservableList<RunRow> shown = FXCollections.observableArrayList();
    private final ObjectProperty<RunRow> focused = new SimpleObjectProperty<>();
    private final DoubleProperty smoothing = new SimpleDoubleProperty(0.6);
    private final ObjectProperty<XAxis> xAxis = new SimpleObjectProperty<>(XAxis.STEP);
    private final BooleanProperty logScale = new SimpleBooleanProperty(false);
    private final StringProperty metricFilter = new SimpleStringProperty("");
    private final ReadOnlyLongWrapper chartVersion = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper rowsVersion = new ReadOnlyLongWrapper();
    private final ObservableList<String> notices = FXCollections.observableArrayList();
    private final ObservableList<Launch> launches = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper logText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<EvalResult> evalResult = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper evalTitle = new ReadOnlyStringWrapper("");
    private final ObjectProperty<LalmAnswerer> evalAnswerer = new SimpleObjectProperty<>(LalmAnswerer.LALM);
    private final ObjectProperty<OptionChoice> evalChoice = new SimpleObjectProperty<>(OptionChoice.LIKELIEST);
    private final BooleanBinding evalAnswererOffered = Bindings.createBooleanBinding(
            () -> !evalAnswerers(focused.get()).isEmpty(), focused);
    private final ObservableList<ConfigDiff.Row> compareRows = FXCollections.observableArrayList();
    private final ObservableList<String> compareRuns = FXCollections.observableArrayList();
    private final List<StageCardViewModel> cards = new ArrayList<>();
    private final Map<Path, RunRow> byDir = new HashMap<>();
    private final RolloutsViewModel rollouts;
    private ScheduledExecutorService ticker;
    private long logSize = -1;

    /** A child process launched here whose run folder has not appeared yet (it is preparing its data). */
    public record Launch(String title, Process process, Path output) {
        public long pid() {
            return process.pid();
        }

        /** The last line the process printed. */
        public String lastLine() {
            try {
                List<String> lines = Files.readAllLines(output);
                return lines.isEmpty() ? "" : lines.getLast();
            } catch (IOException e) {
                return "";
            }
        }
    }

    /**
     * @param settingsFile    where the runs folder and chart settings persist; null for memory only
     * @param defaultRunsRoot the runs folder when the settings name none
     * @param alive           the process table (tests inject theirs)
     * @param background      where folders are polled
     * @param ui              where results are applied (the FX thread in the app)
     * @param useCheckpoint   loads an encoder checkpoint into Listen & View
     * @param useLalm         loads a LALM checkpoint into Chat
     */
    public TrainingViewModel(TaskService tasks, NotMonoCli cli, Path settingsFile, Path defaultRunsRoot, LongPredicate alive,
                             Executor background, Executor ui, Consumer<Path> useCheckpoint, Consumer<Path> useLalm) {
        this.tasks = tasks;
        this.cli = cli;
        this.settingsFile = settingsFile;
        this.background = background;
        this.ui = ui;
        this.useCheckpoint = useCheckpoint;
        this.useLalm = useLalm;
        Properties saved = load(settingsFile);
        runsRoot.set(Path.of(saved.getProperty("runsRoot", defaultRunsRoot.toString())));
        smoothing.set(Math.clamp(Double.parseDouble(saved.getProperty("smoothing", "0.6")), 0, Smoothing.MAX_WEIGHT));
        xAxis.set(XAxis.valueOf(saved.getProperty("xAxis", XAxis.STEP.name())));
        logScale.set(Boolean.parseBoolean(saved.getProperty("logScale", "false")));
        monitor = new RunMonitor(runsRoot.get(), alive);
        for (StageSpec spec : StageCatalog.all()) {
            cards.add(new StageCardViewModel(spec, runsRoot));
        }
        runsRoot.addListener((o, a, b) -> {
            monitor.setRoot(b);
            runs.clear();
            byDir.clear();
            selected.clear();
            save();
            refresh();
        });
        smoothing.addListener((o, a, b) -> chartsChanged());
        xAxis.addListener((o, a, b) -> chartsChanged());
        logScale.addListener((o, a, b) -> chartsChanged());
        metricFilter.addListener((o, a, b) -> chartsChanged());
        selected.addListener((ListChangeListener<RunRow>) c -> updateShown());
        runs.addListener((ListChangeListener<RunRow>) c -> updateShown());
        focused.addListener((o, a, b) -> {
            logSize = -1;
            readLog();
        });
        rollouts = new RolloutsViewModel(background, ui);
        focused.addListener((o, a, b) -> rollouts.runProperty().set(b == null ? null : b.dir()));
        rowsVersion.addListener((o, a, b) -> rollouts.refresh()); // a Stage 4 run's rollouts grow with its steps
    }

    // --- polling -------------------------------------------------------------------------

    /**
     * Reads the runs folder once as a task (so the app's idle state includes it), then polls it
     * every {@code millis} on a daemon thread until {@link #close()}.
     */
    public void startPolling(long millis) {
        if (ticker != null) {
            return;
        }
        tasks.submit("Read the runs folder", ctx -> {
            pollAndApply();
            return null;
        }, none -> { });
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "notmono-runs-monitor");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::pollAndApply, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Stops polling (the runs go on). */
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
    }

    /** Polls once now, off the UI thread. */
    public void refresh() {
        background.execute(this::pollAndApply);
    }

    /** Polls and hands the result to the UI executor in one step, so results are applied in the order they were read. */
    private void pollAndApply() {
        synchronized (monitor) {
            try {
                Path root = monitor.root();
                List<RunMonitor.Snapshot> snapshots = monitor.poll();
                ui.execute(() -> apply(root, snapshots));
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "cannot read the runs folder " + monitor.root(), e);
            }
        }
    }

    private void apply(Path root, List<RunMonitor.Snapshot> snapshots) {
        if (!root.equals(runsRoot.get())) {
            return; // read before the user chose another folder
        }
        Set<Path> present = new HashSet<>();
        boolean changed = false;
        for (RunMonitor.Snapshot s : snapshots) {
            present.add(s.dir());
            RunRow row = byDir.get(s.dir());
            if (row == null) {
                row = new RunRow(s.dir(), freeColour(s.dir().getFileName().toString()));
                byDir.put(s.dir(), row);
                runs.add(row);
            }
            long before = row.history().version();
            row.update(s, StageCatalog.byId(s.status().stage()));
            s.metrics().notices().forEach(n -> notices.add(s.dir().getFileName() + ": " + n));
            changed |= before != row.history().version() && shown.contains(row);
            RunRow r = row;
            launches.removeIf(l -> l.pid() == r.pid());
        }
        List<RunRow> gone = runs.stream().filter(r -> !present.contains(r.dir())).toList();
        gone.forEach(r -> byDir.remove(r.dir()));
        runs.removeAll(gone);
        selected.removeAll(gone);
        if (gone.contains(focused.get())) {
            focused.set(null);
        }
        if (changed) {
            chartsChanged();
        }
        offerCheckpoints();
        rowsVersion.set(rowsVersion.get() + 1);
        readLog();
    }

    /** Gives each card's start-checkpoint chooser the checkpoints of the finished runs of the stage it starts from. */
    private void offerCheckpoints() {
        for (StageCardViewModel card : cards) {
            for (StageInput in : card.spec().inputs()) {
                if (in.kind() == StageInput.Kind.CHECKPOINT) {
                    card.offer(in.option(), finishedCheckpoints(in.fromStage()));
                }
            }
        }
    }

    /** Checkpoint folders of the finished runs of {@code stage}: newest run first, last step first. */
    List<String> finishedCheckpoints(String stage) {
        List<String> found = new ArrayList<>();
        runs.stream().filter(r -> stage.equals(r.stageProperty().get()) && r.stateProperty().get() == RunState.FINISHED)
                .sorted(Comparator.comparing(RunRow::name).reversed())
                .forEach(r -> r.checkpoints().reversed().forEach(step -> found.add(checkpoint(r, step).toString())));
        return found;
    }

    private static Path checkpoint(RunRow run, long step) {
        return run.dir().resolve("checkpoints").resolve("step-" + step);
    }

    private int freeColour(String name) {
        Set<Integer> used = new HashSet<>();
        runs.forEach(r -> used.add(r.colour()));
        int start = Math.floorMod(name.hashCode(), PALETTE);
        for (int i = 0; i < PALETTE; i++) {
            if (!used.contains((start + i) % PALETTE)) {
                return (start + i) % PALETTE;
            }
        }
        return start;
    }

    private void updateShown() {
        List<RunRow> want = selected.isEmpty() ? List.copyOf(runs) : List.copyOf(selected);
        if (!want.equals(shown)) {
            shown.setAll(want);
            chartsChanged();
        }
    }

    private void chartsChanged() {
        chartVersion.set(chartVersion.get() + 1);
        save();
    }

    private void readLog() {
        RunRow run = focused.get();
        Path log = run == null ? null : run.dir().resolve("log.txt");
        try {
            long size = log != null && Files.isRegularFile(log) ? Files.size(log) : -1;
            if (size == logSize) {
                return;
            }
            logSize = size;
            logText.set(size < 0 ? "" : tail(log, size));
        } catch (IOException e) {
            logText.set("cannot read " + log + ": " + e.getMessage());
        }
    }

    private static String tail(Path file, long size) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            long skip = Math.max(0, size - LOG_TAIL_BYTES);
            in.skipNBytes(skip);
            String text = new String(in.readNBytes((int) (size - skip)), StandardCharsets.UTF_8);
            return skip > 0 ? text.substring(text.indexOf('\n') + 1) : text;
        }
    }

    // --- actions ---------------------------------------------------------------------------

    /**
     * Starts {@code notmono train ...} with the card's preset, or, when its fields were changed,
     * with its config written to {@code <runs>/.configs/}; the output goes to
     * {@code <runs>/.launches/}. The run appears when its folder does.
     */
    public Launch launch(StageCardViewModel card) {
        if (!card.launchableBinding().get()) {
            tasks.reportFailure("Launch " + card.spec().id(), card.formErrorProperty().get());
            return null;
        }
        String stamp = STAMP.format(Instant.now());
        try {
            Path config = runsRoot.get().resolve(".configs").resolve(card.spec().id() + "-" + stamp + ".json");
            if (card.editedProperty().get()) {
                Files.createDirectories(config.getParent());
                writeAtomically(config, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(card.config()));
            }
            List<String> args = card.launchArgs(config, runsRoot.get());
            return start(card.spec().id() + " (new run)", args, card.spec().id() + "-" + stamp);
        } catch (IOException e) {
            tasks.reportFailure("Launch " + card.spec().id(), e.getMessage());
            return null;
        }
    }

    /**
     * What Resume would throw away, as a question to confirm, or null when it loses nothing or cannot resume the run
     * anyway (then {@link #resume} says why): a run that stepped but wrote no checkpoint starts over, and its metrics
     * (and a Stage 4 run's rollouts) go.
     */
    public String resumeLoss(RunRow run) {
        long steps = run.stepProperty().get();
        if (resumeRefusal(run) != null || !run.checkpoints().isEmpty() || steps == 0) {
            return null;
        }
        String lost = "stage4".equals(run.stageProperty().get()) ? "the metrics and rollouts" : "the metrics";
        return run.name() + " trained " + steps + (steps == 1 ? " step" : " steps") + " but wrote no checkpoint: Resume starts"
                + " it over from step 1 and drops " + lost + " of those steps. Start it over?";
    }

    /**
     * Continues a stopped, stale or failed run from its last checkpoint (from its first step when it
     * has none), unless another process trains it.
     */
    public Launch resume(RunRow run) {
        String refusal = resumeRefusal(run);
        if (refusal != null) {
            tasks.reportFailure("Resume " + run.name(), refusal);
            return null;
        }
        StageSpec spec = StageCatalog.byId(run.stageProperty().get());
        try {
            String device = cards.stream().filter(c -> c.spec() == spec).findFirst().map(c -> c.deviceProperty().get()).orElse("auto");
            // a run stopped or killed while setting up has no checkpoint: --resume starts it over in its own folder
            String title = run.name() + (run.checkpoints().isEmpty() ? " (start over: no checkpoint yet)" : " (resume)");
            return start(title, spec.resumeArgs(run.dir(), device), run.name() + "-resume-" + STAMP.format(Instant.now()));
        } catch (IOException e) {
            tasks.reportFailure("Resume " + run.name(), e.getMessage());
            return null;
        }
    }

    /** Why Resume cannot continue {@code run}, in words, or null when it can. */
    private String resumeRefusal(RunRow run) {
        StageSpec spec = StageCatalog.byId(run.stageProperty().get());
        if (spec == null) {
            return "no stage named " + run.stageProperty().get() + " in this version";
        }
        if (!spec.resumable()) {
            return "'notmono " + String.join(" ", spec.trainCommand()) + "' cannot resume a run; launch a new one from its card";
        }
        if (run.stateProperty().get().isActive() || RunLock.isHeld(run.dir())) {
            return run.name() + " is being trained by a process now (pid " + run.pid() + "); stop it first";
        }
        return null;
    }

    private Launch start(String title, List<String> args, String outputName) throws IOException {
        Path output = runsRoot.get().resolve(".launches").resolve(outputName + ".log");
        Files.createDirectories(output.getParent());
        Files.writeString(output, NotMonoCli.display(args) + "\n", StandardCharsets.UTF_8);
        Process process = cli.start(args, output, true);
        Launch launch = new Launch(title, process, output);
        launches.add(launch);
        status.set("Started " + NotMonoCli.display(args) + " (pid " + process.pid() + ")");
        process.onExit().thenRun(() -> ui.execute(() -> ended(launch)));
        refresh();
        return launch;
    }

    /** A launch whose process ended: fine when it made its run, else its last words are a failure. */
    private void ended(Launch launch) {
        if (launches.remove(launch) && launch.process().exitValue() != 0) {
            tasks.reportFailure(launch.title(), "exit " + launch.process().exitValue() + ": " + launch.lastLine()
                    + " (full output: " + launch.output() + ")");
        }
        refresh();
    }

    /** Tells the user that {@code title} failed and why (the app's failures list). */
    public void report(String title, String message) {
        tasks.reportFailure(title, message);
    }

    /** Asks the run's process to stop (SIGTERM): it writes a checkpoint and status "stopped". */
    public void stop(RunRow run) {
        if (run.stateProperty().get() != RunState.RUNNING) {
            return;
        }
        boolean sent = ProcessHandle.of(run.pid()).map(ProcessHandle::destroy).orElse(false);
        status.set(sent ? "Asked " + run.name() + " (pid " + run.pid() + ") to stop; it writes a checkpoint first"
                : "Could not signal pid " + run.pid());
    }

    /** Stops a launch still preparing its data (no run folder yet). */
    public void cancel(Launch launch) {
        launch.process().destroy();
    }

    /** Deletes a run folder that no process is training. */
    public void delete(RunRow run) {
        if (run.stateProperty().get().isActive()) {
            tasks.reportFailure("Delete " + run.name(), run.name() + " is running; stop it first");
            return;
        }
        tasks.submit("Delete " + run.name(), ctx -> {
            try (Stream<Path> walk = Files.walk(run.dir())) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
            return run;
        }, r -> {
            status.set("Deleted " + r.dir());
            refresh();
        });
    }

    /**
     * Renders {@code count} random scenes with {@code notmono dataset} and fills the card's
     * dataset input; a card that reads questions instead also gets multiple-choice questions on
     * them ({@code notmono qa --kind mcq}, written into the dataset folder) and the folder as its clips.
     */
    public void generate(StageCardViewModel card, Path out, long seed, double seconds) {
        List<String> args = List.of("dataset", "--seed", Long.toString(seed), "--count", Integer.toString(card.generateCountProperty().get()),
                "--duration", Double.toString(seconds), "-o", out.toString());
        StageInput target = card.spec().inputs().stream().filter(in -> in.dataset() || in.kind() == StageInput.Kind.QUESTIONS)
                .findFirst().orElseThrow();
        Path questions = out.resolve("qa-mcq.jsonl");
        List<String> qa = List.of("qa", "--data", out.toString(), "--kind", "mcq", "-o", questions.toString());
        tasks.submit("Generate " + card.generateCountProperty().get() + " scenes", ctx -> {
            ctx.progress(Double.NaN, NotMonoCli.display(args));
            String output = runChild(args, ctx);
            if (target.kind() == StageInput.Kind.QUESTIONS) {
                ctx.progress(Double.NaN, NotMonoCli.display(qa));
                output = runChild(qa, ctx);
            }
            return output;
        }, output -> {
            if (target.dataset()) {
                card.input(target.option()).set(out.toString());
            } else {
                card.spec().inputs().stream().filter(in -> in.kind() == StageInput.Kind.FOLDER).findFirst()
                        .ifPresent(in -> card.input(in.option()).set(out.toString()));
                card.input(target.option()).set(questions.toString());
            }
            status.set(output.strip().lines().reduce((a, b) -> b).orElse("generated " + out));
        });
    }

    /**
     * Scores a checkpoint with the stage's evaluation command (encoder metrics on a held-out
     * dataset for Stage 1, the ASA benchmark for a LALM); the table and chart show the result. What
     * the command keeps (answers, results.json) goes to {@code <runs>/.evals/}. The benchmark is
     * answered by {@link #evalAnswererProperty()}, naming its option by {@link #evalChoiceProperty()}.
     */
    public void evaluate(RunRow run, long step, Path data) {
        StageSpec spec = StageCatalog.byId(run.stageProperty().get());
        if (spec == null || spec.evalCommand().isEmpty()) {
            tasks.reportFailure("Evaluate " + run.name(), "this stage has no evaluation yet");
            return;
        }
        LalmAnswerer answerer = evalAnswerer.get();
        OptionChoice choice = evalChoice.get();
        boolean answered = spec.evalAnswerers().contains(answerer);
        boolean otherChoice = answered && choice != OptionChoice.LIKELIEST;
        String name = run.name() + "-step-" + step + "-" + data.getFileName() + (answered && answerer != LalmAnswerer.LALM
                ? "-" + answerer.id() : "") + (otherChoice ? "-" + choice.id() : "");
        Path out = runsRoot.get().resolve(".evals").resolve(name);
        List<String> args = spec.evalArgs(checkpoint(run, step), data, out, answerer, choice);
        tasks.submit("Evaluate " + run.name() + " step " + step, ctx -> {
            ctx.progress(Double.NaN, NotMonoCli.display(args));
            return EvalResult.parse(runChild(args, ctx));
        }, result -> {
            evalTitle.set(run.name() + " step " + step + " on " + data.getFileName() + (answered ? ", answerer " + answerer.id() : "")
                    + (otherChoice ? ", " + choice.label() : "")
                    + " (" + result.clips() + " " + result.countUnit() + ")");
            evalResult.set(result);
        });
    }

    /** Loads a checkpoint where its kind is used: an encoder into Listen & View, a LALM into Chat (as the File menu does). */
    public void use(RunRow run, long step) {
        StageSpec spec = StageCatalog.byId(run.stageProperty().get());
        Path checkpoint = checkpoint(run, step);
        if (spec != null && spec.product() == StageSpec.Product.LALM) {
            useLalm.accept(checkpoint);
        } else {
            useCheckpoint.accept(checkpoint);
        }
    }

    /** Where {@link #use} loads a checkpoint of this run: "Listen & View" or "Chat". */
    public static String usedIn(RunRow run) {
        StageSpec spec = run == null ? null : StageCatalog.byId(run.stageProperty().get());
        return (spec == null ? StageSpec.Product.ENCODER : spec.product()).usedIn();
    }

    /**
     * Runs a short command to its end and returns its stdout; a non-zero exit is an error carrying
     * its stderr. The task's progress follows the progress lines the command prints on stderr.
     */
    private String runChild(List<String> args, org.notmono.task.TaskContext ctx) throws IOException, InterruptedException {
        Path err = Files.createTempFile("notmono-child", ".err");
        try {
            Process p = new ProcessBuilder(cli.command(args)).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            byte[][] out = new byte[1][];
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    out[0] = p.getInputStream().readAllBytes();
                } catch (IOException e) {
                    out[0] = new byte[0];
                }
            });
            String command = NotMonoCli.display(args);
            while (!p.waitFor(200, TimeUnit.MILLISECONDS)) {
                if (ctx.isCancelled()) {
                    p.destroy();
                    throw new CancelledException();
                }
                ChildProgress progress = ChildProgress.parse(tail(err, Files.size(err)));
                ctx.progress(progress.fraction(), progress.message().isEmpty() ? command : progress.message());
            }
            reader.join();
            if (p.exitValue() != 0) {
                List<String> lines = Files.readAllLines(err);
                throw new IOException(lines.isEmpty() ? "exit " + p.exitValue() : lines.getLast());
            }
            return new String(out[0], StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /** Fills the comparison with the configs of the chosen runs (at least two). */
    public void compare(List<RunRow> chosen) {
        List<JsonNode> configs = new ArrayList<>();
        for (RunRow r : chosen) {
            try {
                configs.add(MAPPER.readTree(r.dir().resolve("config.json").toFile()));
            } catch (IOException e) {
                configs.add(MAPPER.createObjectNode());
            }
        }
        compareRuns.setAll(chosen.stream().map(RunRow::name).toList());
        compareRows.setAll(ConfigDiff.rows(configs));
    }

    /** Writes a metric of the shown runs as CSV: run, step, wall time, value, smoothed. */
    public void exportCsv(String metric, Path file) throws IOException {
        StringBuilder b = new StringBuilder("run,step,wall_time,value,smoothed\n");
        for (RunRow r : shown) {
            var s = r.history().series(metric);
            double[] smooth = Smoothing.debiasedEma(s.values(), smoothing.get());
            for (int i = 0; i < s.size(); i++) {
                b.append(r.name()).append(',').append(s.steps()[i]).append(',').append(s.wallTimes()[i]).append(',')
                        .append(s.values()[i]).append(',').append(smooth[i]).append('\n');
            }
        }
        writeAtomically(file, b.toString());
    }

    /** Metric names of the shown runs that match the filter (a substring, case-insensitive), by group, losses first. */
    public List<String> shownMetrics() {
        Set<String> all = new java.util.TreeSet<>();
        shown.forEach(r -> all.addAll(r.history().metrics()));
        String f = metricFilter.get().trim().toLowerCase(java.util.Locale.ROOT);
        // losses first in each group (train/loss, then val/loss), the rest by name
        return all.stream().filter(m -> f.isEmpty() || m.toLowerCase(java.util.Locale.ROOT).contains(f))
                .sorted(Comparator.comparing((String m) -> m.replaceFirst("/.*", "")).thenComparing(m -> !m.endsWith("/loss"))
                        .thenComparing(m -> m)).toList();
    }

    // --- settings --------------------------------------------------------------------------

    private static Properties load(Path file) {
        Properties p = new Properties();
        if (file != null && Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.log(Level.WARNING, "ignoring unreadable " + file, e);
            }
        }
        return p;
    }

    private void save() {
        if (settingsFile == null) {
            return;
        }
        Properties p = new Properties();
        p.setProperty("runsRoot", runsRoot.get().toString());
        p.setProperty("smoothing", Double.toString(smoothing.get()));
        p.setProperty("xAxis", xAxis.get().name());
        p.setProperty("logScale", Boolean.toString(logScale.get()));
        try {
            Files.createDirectories(settingsFile.toAbsolutePath().getParent());
            Path tmp = settingsFile.resolveSibling(settingsFile.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "NotMono Training workspace");
            }
            Files.move(tmp, settingsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.WARNING, "cannot save " + settingsFile, e);
        }
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    // --- properties --------------------------------------------------------------------------

    public List<StageCardViewModel> cards() {
        return cards;
    }

    public ObjectProperty<Path> runsRootProperty() {
        return runsRoot;
    }

    public ObservableList<RunRow> runs() {
        return runs;
    }

    /** The runs the user selected in the table (the view keeps it in step). */
    public ObservableList<RunRow> selected() {
        return selected;
    }

    /** The runs the charts show: the selected ones, or all when none is selected. */
    public ObservableList<RunRow> shown() {
        return shown;
    }

    /** The SAPO rollouts of the focused run. */
    public RolloutsViewModel rollouts() {
        return rollouts;
    }

    /** The run whose checkpoints and log are shown. */
    public ObjectProperty<RunRow> focusedProperty() {
        return focused;
    }

    public DoubleProperty smoothingProperty() {
        return smoothing;
    }

    public ObjectProperty<XAxis> xAxisProperty() {
        return xAxis;
    }

    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    public StringProperty metricFilterProperty() {
        return metricFilter;
    }

    /** Changes whenever the charts should redraw (new points of a shown run, other runs shown, settings). */
    public ReadOnlyLongProperty chartVersionProperty() {
        return chartVersion.getReadOnlyProperty();
    }

    /** Changes after every poll: the rows' numbers (step, ETA, metrics, status) may have changed in place. */
    public ReadOnlyLongProperty rowsVersionProperty() {
        return rowsVersion.getReadOnlyProperty();
    }

    /** Lines skipped while reading metrics, and similar things the user should know. */
    public ObservableList<String> notices() {
        return notices;
    }

    public ObservableList<Launch> launches() {
        return launches;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The end of the focused run's log.txt. */
    public ReadOnlyStringProperty logTextProperty() {
        return logText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EvalResult> evalResultProperty() {
        return evalResult.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty evalTitleProperty() {
        return evalTitle.getReadOnlyProperty();
    }

    /** Who answers the ASA benchmark when a LALM checkpoint is evaluated ({@code bench asa --answerer}); lalm at start. */
    public ObjectProperty<LalmAnswerer> evalAnswererProperty() {
        return evalAnswerer;
    }

    /**
     * How the benchmark's answerer names its option ({@code bench asa --choice}); the likeliest
     * option at start, and an evaluation by another choice gets its own folder ({@code ...-written}, {@code ...-walk}).
     */
    public ObjectProperty<OptionChoice> evalChoiceProperty() {
        return evalChoice;
    }

    /** The focused run's evaluation takes an answerer and its choice (its stage makes LALM checkpoints). */
    public BooleanBinding evalAnswererOfferedBinding() {
        return evalAnswererOffered;
    }

    /** The answerers the evaluation of {@code run}'s checkpoints offers; none for an encoder's or without a run. */
    private static List<LalmAnswerer> evalAnswerers(RunRow run) {
        StageSpec spec = run == null ? null : StageCatalog.byId(run.stageProperty().get());
        return spec == null ? List.of() : spec.evalAnswerers();
    }

    public ObservableList<ConfigDiff.Row> compareRows() {
        return compareRows;
    }

    public ObservableList<String> compareRuns() {
        return compareRuns;
    }

    /** The run shown in a row, by folder name; null when absent. */
    public RunRow run(String name) {
        return runs.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }
}
