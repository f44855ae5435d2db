package org.notmono.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.notmono.journeys.TrainingJourney.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.app.ui.Workspace;
import org.notmono.fx.task.TaskService;
import org.notmono.training.monitor.ui.MetricChartsView;
import org.notmono.training.monitor.ui.RunRow;
import org.notmono.training.monitor.ui.TrainingViewModel;
import org.notmono.training.monitor.RunHistory;
import org.notmono.training.monitor.RunState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A researcher trains Stage 1 without a terminal: generates a few scenes from the stage card,
 * launches a run (a child process running {@code notmono train stage1}), sees its steps arrive
 * on the loss chart, stops it (it writes a checkpoint), resumes it, and sees the step count go
 * on with every step logged exactly once.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingJourneyTest {
    @TempDir
    static Path dir;

    @RegisterExtension
    final TrainingJourney journey = new TrainingJourney();
    private final ScriptedFileDialogs dialogs = journey.dialogs;
    private final TaskService tasks = journey.tasks;

    @Start
    void start(Stage stage) {
        journey.start(stage, dir);
    }

    @Test
    void launchWatchStopAndResumeAStage1Run(FxRobot robot) throws Exception {
        robot.clickOn("#tab-training");
        assertEquals(Workspace.TRAINING, journey.window().model().workspaceProperty().get());
        TrainingViewModel model = journey.window().model().training();
        Path runs = dir.resolve("runs");
        dialogs.willPick(runs);
        robot.clickOn("#runs-root-change");
        assertEquals(runs, model.runsRootProperty().get());
        Label presetLabel = robot.lookup("#stage1-preset-label").queryAs(Label.class);
        assertTrue(presetLabel.getWidth() >= presetLabel.prefWidth(-1), "'Preset' is laid out whole, not cut to 'Pr...'");

        // a small, fast run: 1-s scenes, 4 clips a batch, enough epochs to be stopped midway
        robot.interact(() -> {
            field(robot, "stage1-field-training-windowSeconds").setText("1");
            field(robot, "stage1-field-training-batchSize").setText("4");
            field(robot, "stage1-field-training-epochs").setText("2000"); // minutes of steps even on a fast idle machine
            field(robot, "stage1-field-training-warmupSteps").setText("2");
            field(robot, "stage1-field-training-threads").setText("1");
            robot.lookup("#stage1-generate-count").<Spinner<Integer>>query().getValueFactory().setValue(8);
        });
        assertTrue(robot.lookup("#launch-stage1").query().isDisabled(), "no data yet: " + model.cards().getFirst().formErrorProperty().get());
        Path data = dir.resolve("data");
        dialogs.willPick(data);
        robot.clickOn("#stage1-generate");
        waitUntil(60, () -> !robot.lookup("#stage1-input-data").queryAs(TextField.class).getText().isEmpty());
        assertTrue(Files.isRegularFile(data.resolve("manifest.json")), "notmono dataset wrote the scenes");
        assertTrue(tasks.failures().isEmpty(), tasks.failures().toString());
        assertTrue(robot.lookup("#stage1-command").queryAs(TextField.class).getText()
                .startsWith("notmono train stage1 --config '<config.json>' --data " + data));

        robot.interact(() -> scrollDownTo(robot.lookup("#launch-stage1").query()));
        robot.clickOn("#launch-stage1");
        waitUntil(90, () -> model.runs().size() == 1 && model.runs().getFirst().history().size() >= 3);
        RunRow run = model.runs().getFirst();
        assertEquals(RunState.RUNNING, run.stateProperty().get());
        assertEquals(4000, run.totalStepsProperty().get(), "8 clips / 4 a batch x 2000 epochs");
        MetricChartsView charts = robot.lookup("#metric-charts").query();
        TextField filter = robot.lookup("#metric-filter").queryAs(TextField.class);
        Text prompt = new Text(filter.getPromptText());
        prompt.setFont(filter.getFont());
        assertTrue(filter.getWidth() - filter.getInsets().getLeft() - filter.getInsets().getRight() >= prompt.getLayoutBounds().getWidth(),
                "the metric filter shows its whole prompt: " + filter.getWidth() + " px for " + prompt.getLayoutBounds().getWidth());
        waitUntil(10, () -> charts.chart("train/loss") != null && !charts.chart("train/loss").curves().isEmpty()
                && charts.chart("train/loss").curves().getFirst().size() >= 3);

        TableView<RunRow> table = robot.lookup("#runs-table").query();
        robot.interact(() -> table.getSelectionModel().select(run));
        waitUntil(10, () -> robot.lookup(".run-progress-text").tryQuery().isPresent()
                && robot.lookup(".run-state-running").tryQuery().isPresent());
        Label step = robot.lookup(".run-progress-text").queryAs(Label.class);
        Color ink = (Color) step.getTextFill();
        Color chip = (Color) step.getBackground().getFills().getFirst().getFill();
        assertTrue(WcagContrast.ratio(ink, chip) >= 4.5, "the selected run's step count reads (WCAG contrast " + WcagContrast.ratio(ink, chip) + ")");
        TableCell<?, ?> state = robot.lookup(".run-state-running").query();
        Region selectedRow = robot.lookup(".table-row-cell:selected").query();
        Color bar = (Color) selectedRow.getBackground().getFills().getLast().getFill();
        assertTrue(WcagContrast.ratio((Color) state.getTextFill(), bar) >= 3, "'running' reads on the selection bar (WCAG contrast "
                + WcagContrast.ratio((Color) state.getTextFill(), bar) + ")");
        robot.clickOn("#run-stop");
        waitUntil(60, () -> run.stateProperty().get() == RunState.STOPPED);
        long stoppedAt = run.status().step();
        assertTrue(stoppedAt < 4000, "stopped midway, at " + stoppedAt);
        waitUntil(10, () -> run.checkpoints().contains(stoppedAt));
        assertEquals(stoppedAt, run.history().lastStep(), "the last logged step is the checkpoint's");

        robot.clickOn("#run-resume");
        waitUntil(90, () -> run.stateProperty().get() == RunState.RUNNING && run.history().lastStep() >= stoppedAt + 3);
        waitUntil(10, () -> charts.chart("train/loss").curves().getFirst().steps()[charts.chart("train/loss").curves().getFirst().size() - 1]
                >= stoppedAt + 3);
        robot.clickOn("#run-stop");
        waitUntil(60, () -> run.stateProperty().get() == RunState.STOPPED);
        RunHistory h = run.history();
        assertTrue(h.lastStep() > stoppedAt, "the step count went on");
        for (int i = 0; i < h.size(); i++) {
            assertEquals(i + 1, h.step(i), "every step once, none dropped, none twice");
        }
        assertTrue(Files.readString(run.dir().resolve("log.txt")).contains("resumes at step " + stoppedAt));
        assertFalse(tasks.failures().stream().anyMatch(f -> f.title().contains("stage1")), tasks.failures().toString());
    }

    /** Scrolls the card column to its end, as a user would to reach Launch. */
    private static void scrollDownTo(javafx.scene.Node node) {
        for (javafx.scene.Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane scroll) {
                scroll.setVvalue(scroll.getVmax());
                scroll.layout();
                return;
            }
        }
    }

    private static TextField field(FxRobot robot, String pointer) {
        return robot.lookup("#" + pointer).queryAs(TextField.class);
    }
}
