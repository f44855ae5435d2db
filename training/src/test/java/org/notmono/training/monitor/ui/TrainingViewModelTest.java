package org.notmono.training.monitor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.fx.task.TaskService;
import org.notmono.training.run.RunFolder;
import org.notmono.training.monitor.NotMonoCli;
import org.notmono.training.monitor.RunState;
import org.notmono.training.monitor.Smoothing;

/** The Training workspace's state without a window: runs found, statuses, curves, cards, comparison, export. */
class TrainingViewModelTest {
    private static final long LIVE_PID = 4242;
    @TempDir
    Path dir;
    private Path root;
    private TaskService tasks;
    private TrainingViewModel model;
    private final List<Path> used = new ArrayList<>();
    private final List<Path> lalms = new ArrayList<>();

    @BeforeEach
    void setUp() {
        root = dir.resolve("runs");
        tasks = new TaskService(Runnable::run, Runnable::run);
        model = new TrainingViewModel(tasks, new NotMonoCli(List.of("java")), dir.resolve("training.properties"), root,
                pid -> pid == LIVE_PID, Runnable::run, Runnable::run, used::add, lalms::add);
    }

    /** A run folder as a training process writes it, with {@code pid} standing for its process. */
    private Path run(String name, String state, long pid, int steps, int batch) throws Exception {
        ObjectNode config = new ObjectMapper().createObjectNode();
        config.putObject("stage1").putObject("training").put("batchSize", batch);
        RunFolder f = RunFolder.create(root.resolve(name).getParent(), "stage1", config);
        Path dirOfRun = root.resolve(name);
        Files.move(f.dir(), dirOfRun);
        RunFolder run = RunFolder.open(dirOfRun);
        for (int s = 1; s <= steps; s++) {
            run.metrics(s, 0, Map.of("train/loss", (float) (1.0 / s), "val/count_accuracy", 0.5f, "train/direction", 0.3f));
        }
        Files.createDirectories(dirOfRun.resolve("checkpoints/step-" + steps));
        Files.writeString(dirOfRun.resolve("checkpoints/step-" + steps + "/model.json"), "{}");
        String status = "{\"stage\":\"stage1\",\"state\":\"" + state + "\",\"globalStep\":" + steps + ",\"totalSteps\":100,"
                + "\"epoch\":0,\"message\":\"m\",\"pid\":" + pid + "}";
        Files.writeString(dirOfRun.resolve("status.json"), status);
        return dirOfRun;
    }

    @Test
    void runsAppearWithTheirStatusStepsAndMetricsAndLeaveWhenDeleted() throws Exception {
        run("stage1-a", "running", LIVE_PID, 20, 8);
        Path b = run("stage1-b", "running", 999_999, 10, 16);
        model.refresh();
        assertEquals(List.of("stage1-a", "stage1-b"), model.runs().stream().map(RunRow::name).toList());
        RunRow a = model.run("stage1-a");
        assertEquals(RunState.RUNNING, a.stateProperty().get());
        assertEquals(RunState.STALE, model.run("stage1-b").stateProperty().get(), "running on paper, its process gone");
        assertEquals(20, a.stepProperty().get());
        assertEquals(0.2, a.progressProperty().get(), 1e-12);
        assertFalse(a.etaProperty().get().isEmpty(), "a running run has an ETA");
        assertTrue(model.run("stage1-b").etaProperty().get().isEmpty(), "a stale one has none");
        assertEquals("loss 0.05000  count_accuracy 0.5000", a.lastMetricsProperty().get());
        assertEquals(List.of(20L), a.checkpoints());
        assertNotEquals(a.colour(), model.run("stage1-b").colour(), "distinct colours");

        long version = model.chartVersionProperty().get();
        RunFolder.open(root.resolve("stage1-a")).metrics(21, 0, Map.of("train/loss", 0.04f));
        model.refresh();
        assertEquals(21, a.stepProperty().get());
        assertTrue(model.chartVersionProperty().get() > version, "new steps of a shown run redraw the charts");
        assertEquals(21, a.history().size());

        try (var walk = Files.walk(b)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        model.refresh();
        assertEquals(List.of("stage1-a"), model.runs().stream().map(RunRow::name).toList());
    }

    @Test
    void chartsShowTheSelectedRunsOrAllAndFilterMetrics() throws Exception {
        run("stage1-a", "stopped", 1, 5, 8);
        run("stage1-b", "finished", 1, 5, 8);
        model.refresh();
        assertEquals(2, model.shown().size());
        model.selected().setAll(model.run("stage1-b"));
        assertEquals(List.of("stage1-b"), model.shown().stream().map(RunRow::name).toList());
        assertEquals(List.of("train/loss", "train/direction", "val/count_accuracy"), model.shownMetrics(), "by group, losses first");
        model.metricFilterProperty().set("VAL/");
        assertEquals(List.of("val/count_accuracy"), model.shownMetrics());
    }

    @Test
    void aCorruptLineIsANoticeNotACrash() throws Exception {
        Path a = run("stage1-a", "stopped", 1, 3, 8);
        Files.writeString(a.resolve("metrics.jsonl"), "not json\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        model.refresh();
        assertEquals(List.of("stage1-a: metrics.jsonl line 4 is not a metrics record; skipped"), model.notices());
        assertEquals(3, model.run("stage1-a").history().size());
    }

    @Test
    void resumingARunThatIsTrainingIsRefused() throws Exception {
        run("stage1-a", "running", LIVE_PID, 3, 8);
        model.refresh();
        assertNull(model.resume(model.run("stage1-a")));
        assertTrue(tasks.failures().getFirst().message().contains("being trained by a process now (pid 4242)"),
                tasks.failures().getFirst().message());
    }

    @Test
    void aRunStoppedBeforeItsFirstCheckpointResumesByStartingOverInItsFolder() throws Exception {
        Path a = run("stage1-a", "stopped", 1, 0, 8);
        try (var walk = Files.walk(a.resolve("checkpoints"))) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        // no settings file: when the process ends, the model refreshes on its exit thread and would save settings into
        // the temporary folder while JUnit deletes it
        model = new TrainingViewModel(tasks, new NotMonoCli(List.of("/bin/echo")), null, root,
                pid -> false, Runnable::run, Runnable::run, used::add, lalms::add);
        model.refresh();
        RunRow row = model.run("stage1-a");
        assertEquals(List.of(), row.checkpoints());
        assertNull(model.resumeLoss(row), "stopped in set-up: nothing to lose");
        TrainingViewModel.Launch launch = model.resume(row);
        assertTrue(tasks.failures().isEmpty(), tasks.failures().toString());
        launch.process().waitFor();
        assertEquals("stage1-a (start over: no checkpoint yet)", launch.title());
        assertTrue(Files.readString(launch.output()).contains("\ntrain stage1 --resume " + a + " --device"), Files.readString(launch.output()));
    }

    @Test
    void resumingARunThatSteppedWithoutACheckpointAsksFirst() throws Exception {
        Path a = run("stage1-a", "stale", 1, 7, 8);
        run("stage1-b", "stopped", 1, 7, 8);
        Path training = run("stage1-c", "running", LIVE_PID, 7, 8);
        Path sapo = run("stage1-d", "stopped", 1, 7, 8);
        Files.writeString(sapo.resolve("status.json"), Files.readString(sapo.resolve("status.json")).replace("stage1", "stage4"));
        for (Path p : List.of(a, training, sapo)) {
            try (var walk = Files.walk(p.resolve("checkpoints"))) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        model.refresh();
        assertEquals("stage1-a trained 7 steps but wrote no checkpoint: Resume starts it over from step 1 and drops the metrics"
                + " of those steps. Start it over?", model.resumeLoss(model.run("stage1-a")));
        assertNull(model.resumeLoss(model.run("stage1-b")), "a checkpoint: it continues, nothing lost");
        assertNull(model.resumeLoss(model.run("stage1-c")), "being trained: Resume refuses it without asking first");
        assertTrue(model.resumeLoss(model.run("stage1-d")).contains("drops the metrics and rollouts of those steps"),
                model.resumeLoss(model.run("stage1-d")));
    }

    @Test
    void compareListsEverySettingAndMarksDifferences() throws Exception {
        run("stage1-a", "stopped", 1, 3, 8);
        run("stage1-b", "stopped", 1, 3, 16);
        model.refresh();
        model.compare(List.of(model.run("stage1-a"), model.run("stage1-b")));
        assertEquals(List.of("stage1-a", "stage1-b"), model.compareRuns());
        var row = model.compareRows().stream().filter(r -> r.key().equals("stage1.training.batchSize")).findFirst().orElseThrow();
        assertEquals(List.of("8", "16"), row.values());
        assertTrue(row.differs());
    }

    @Test
    void csvExportHoldsRawAndSmoothedValues() throws Exception {
        run("stage1-a", "stopped", 1, 4, 8);
        model.refresh();
        model.smoothingProperty().set(0.5);
        Path csv = dir.resolve("loss.csv");
        model.exportCsv("train/loss", csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("run,step,wall_time,value,smoothed", lines.getFirst());
        assertEquals(5, lines.size());
        double[] raw = {1, 0.5, 1 / 3f, 0.25};
        double[] smooth = Smoothing.debiasedEma(new double[] {1, 0.5, (float) (1 / 3.0), 0.25}, 0.5);
        String[] last = lines.get(4).split(",");
        assertEquals("stage1-a", last[0]);
        assertEquals("4", last[1]);
        assertEquals(raw[3], Double.parseDouble(last[3]), 1e-7);
        assertEquals(smooth[3], Double.parseDouble(last[4]), 1e-7);
    }

    @Test
    void theCardValidatesAndShowsTheCommandItWillRun() throws Exception {
        StageCardViewModel card = model.cards().getFirst();
        assertEquals("stage1", card.spec().id());
        assertFalse(card.launchableBinding().get(), "no training data yet");
        assertEquals("Training data: choose a dataset folder or generate one", card.formErrorProperty().get());
        Path data = dataset(dir.resolve("train"), 1);
        card.input("--data").set(data.toString());
        assertTrue(card.launchableBinding().get());
        card.field("/training/epochs").text().set("-1");
        assertFalse(card.launchableBinding().get());
        assertEquals("Epochs: -1 is outside 1 to 10000 epochs", card.field("/training/epochs").errorProperty().get());
        card.presetProperty().set("base");
        assertEquals("20", card.field("/training/epochs").text().get(), "a preset fills the form");
        assertTrue(card.launchableBinding().get());
        card.deviceProperty().set("cpu");
        assertEquals("notmono train stage1 --config base --data " + data + " --device cpu -o " + root, card.commandProperty().get(),
                "an unchanged preset is named");
        card.field("/training/epochs").text().set("21");
        assertEquals("notmono train stage1 --config '<config.json>' --data " + data + " --device cpu -o " + root, card.commandProperty().get(),
                "changed fields go to a config file");
        assertNull(model.launch(cardWithError(card)), "an invalid card launches nothing");
    }

    /** A folder as {@code notmono dataset} leaves it, as far as the card reads it: its manifest with the seed. */
    static Path dataset(Path folder, long seed) throws java.io.IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("manifest.json"), "{\"seed\": " + seed + "}");
        return folder;
    }

    private static StageCardViewModel cardWithError(StageCardViewModel card) {
        card.field("/training/batchSize").text().set("0");
        return card;
    }

    @Test
    void useInListenAndViewHandsTheCheckpointFolderOver() throws Exception {
        run("stage1-a", "stopped", 1, 3, 8);
        model.refresh();
        model.use(model.run("stage1-a"), 3);
        assertEquals(List.of(root.resolve("stage1-a/checkpoints/step-3")), used);
        assertEquals(List.of(), lalms, "an encoder does not go to Chat");
        assertEquals("Listen & View", TrainingViewModel.usedIn(model.run("stage1-a")));
    }

    @Test
    void settingsPersist() {
        model.smoothingProperty().set(0.9);
        model.logScaleProperty().set(true);
        model.xAxisProperty().set(org.notmono.training.monitor.XAxis.WALL);
        TrainingViewModel again = new TrainingViewModel(tasks, new NotMonoCli(List.of("java")), dir.resolve("training.properties"),
                dir.resolve("elsewhere"), pid -> false, Runnable::run, Runnable::run, used::add, lalms::add);
        assertEquals(0.9, again.smoothingProperty().get(), 0);
        assertTrue(again.logScaleProperty().get());
        assertEquals(org.notmono.training.monitor.XAxis.WALL, again.xAxisProperty().get());
        assertEquals(root, again.runsRootProperty().get());
    }
}
