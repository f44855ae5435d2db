package org.notmono.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.notmono.journeys.TrainingJourney.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.app.ui.Workspace;
import org.notmono.fx.task.TaskService;
import org.notmono.training.monitor.RunHistory;
import org.notmono.training.monitor.RunState;
import org.notmono.training.monitor.ui.MetricChartsView;
import org.notmono.training.monitor.ui.RunRow;
import org.notmono.training.monitor.ui.StageCardViewModel;
import org.notmono.training.monitor.ui.TrainingViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A researcher trains the decoder (Stage 0) without a terminal: generates a few scenes from the
 * Stage 0 card, makes the tiny config smaller still (a 2-layer, 64-wide decoder, 6 steps), launches
 * (a child process running {@code notmono train stage0 --config FILE}), sees the steps arrive in
 * the runs table and on the loss chart until the run finishes, finds its last checkpoint offered
 * as Stage 2's start, and uses it in Chat.
 */
@ExtendWith(ApplicationExtension.class)
class Stage0JourneyTest {
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
    void launchAStage0RunFromItsCardAndWatchItFinish(FxRobot robot) throws Exception {
        robot.clickOn("#tab-training");
        TrainingViewModel model = journey.window().model().training();
        Path runs = dir.resolve("runs");
        dialogs.willPick(runs);
        robot.clickOn("#runs-root-change");
        assertEquals(runs, model.runsRootProperty().get());

        Map<String, String> small = Map.ofEntries(Map.entry("stage0-steps", "6"), Map.entry("stage0-batchSize", "2"),
                Map.entry("stage0-warmupSteps", "1"), Map.entry("stage0-checkpointEvery", "3"), Map.entry("stage0-lengthBuckets", "2"),
                Map.entry("threads", "1"),
                Map.entry("lm-vocab_size", "512"), Map.entry("lm-hidden_size", "64"), Map.entry("lm-intermediate_size", "128"),
                Map.entry("lm-num_hidden_layers", "2"), Map.entry("lm-num_attention_heads", "2"),
                Map.entry("lm-num_key_value_heads", "1"), Map.entry("lm-max_position_embeddings", "256"),
                Map.entry("projector-hidden", "64"), Map.entry("projector-bottleneck", "128"));
        Node title = robot.lookup("#card-stage0 > .title").query();
        robot.interact(() -> scrollTo(title));
        robot.clickOn(title); // opens the card
        assertTrue(robot.lookup("#card-stage0").queryAs(javafx.scene.control.TitledPane.class).isExpanded());
        robot.interact(() -> {
            small.forEach((pointer, value) -> robot.lookup("#stage0-field-" + pointer).queryAs(TextField.class).setText(value));
            robot.lookup("#stage0-generate-count").<Spinner<Integer>>query().getValueFactory().setValue(4);
        });
        StageCardViewModel card = model.cards().stream().filter(c -> c.spec().id().equals("stage0")).findFirst().orElseThrow();
        assertEquals("Training data: choose a dataset folder or generate one", card.formErrorProperty().get());
        assertTrue(robot.lookup("#launch-stage0").query().isDisabled());

        Path data = dir.resolve("data");
        dialogs.willPick(data);
        press(robot, "#stage0-generate");
        waitUntil(60, () -> !robot.lookup("#stage0-input-data").queryAs(TextField.class).getText().isEmpty());
        assertTrue(Files.isRegularFile(data.resolve("manifest.json")), "notmono dataset wrote the scenes");
        assertTrue(tasks.failures().isEmpty(), tasks.failures().toString());
        assertEquals("", card.formErrorProperty().get());
        assertEquals("notmono train stage0 --config '<config.json>' --data " + data + " --device cpu -o " + runs,
                robot.lookup("#stage0-command").queryAs(TextField.class).getText(),
                "edited fields go to a config file; the card starts on the CPU (no NOTMONO_DEVICE here)");
        ComboBox<String> device = robot.lookup("#stage0-device").queryAs(ComboBox.class);
        assertFalse(device.isDisabled(), "stage0 takes --device");
        robot.interact(() -> device.setValue("auto"));
        assertEquals("notmono train stage0 --config '<config.json>' --data " + data + " --device auto -o " + runs,
                robot.lookup("#stage0-command").queryAs(TextField.class).getText(), "auto is passed as auto");
        robot.interact(() -> device.setValue("cpu"));
        assertEquals("notmono train stage0 --config '<config.json>' --data " + data + " --device cpu -o " + runs,
                robot.lookup("#stage0-command").queryAs(TextField.class).getText(), "the chosen device is passed");

        press(robot, "#launch-stage0");
        waitUntil(60, () -> model.runs().size() == 1 && model.runs().getFirst().history().size() >= 1);
        RunRow run = model.runs().getFirst();
        assertEquals("stage0", run.stageProperty().get());
        assertEquals(6, run.totalStepsProperty().get(), "the form's 6 steps reached the command");
        TableView<RunRow> table = robot.lookup("#runs-table").query();
        assertTrue(table.getItems().contains(run), "the run is in the table");
        waitUntil(60, () -> run.stateProperty().get() == RunState.FINISHED);
        MetricChartsView charts = robot.lookup("#metric-charts").query();
        waitUntil(10, () -> charts.chart("train/loss") != null && !charts.chart("train/loss").curves().isEmpty()
                && charts.chart("train/loss").curves().getFirst().size() == 6);
        RunHistory h = run.history();
        for (int i = 0; i < h.size(); i++) {
            assertEquals(i + 1, h.step(i), "every step once");
        }
        assertEquals(List.of(3L, 6L), run.checkpoints());
        Path last = run.dir().resolve("checkpoints/step-6");
        assertTrue(Files.readString(run.dir().resolve("config.json")).contains("\"hidden_size\" : 64"), "the edited config was used");
        assertTrue(Files.readString(run.dir().resolve("config.json")).contains("\"device\" : \"cpu()\""), "the device was used");
        assertTrue(Files.readString(run.dir().resolve("log.txt")).contains("batches bucketed by length (2 batches a bucket)"),
                "the form's length buckets were used");

        StageCardViewModel stage2 = model.cards().stream().filter(c -> c.spec().id().equals("stage2")).findFirst().orElseThrow();
        waitUntil(10, () -> stage2.choices("--init").equals(List.of(last.toString(), run.dir().resolve("checkpoints/step-3").toString())));

        robot.interact(() -> table.getSelectionModel().select(run));
        robot.clickOn("#tab-checkpoints");
        ListView<Long> list = robot.lookup("#checkpoint-list").query();
        robot.interact(() -> list.getSelectionModel().select(Long.valueOf(6)));
        Button use = robot.lookup("#checkpoint-use").query();
        assertEquals("Use in Chat", use.getText());
        robot.clickOn(use);
        assertEquals(Workspace.CHAT, journey.window().model().workspaceProperty().get());
        waitUntil(60, () -> journey.window().model().chat().modelProperty().get() != null);
        assertTrue(tasks.failures().isEmpty(), tasks.failures().toString());
    }

    /** Scrolls the card column so {@code node} is in view, as a user would. */
    /**
     * Presses a button as a click would (fires its action) once it is scrolled into view: a click
     * right after the scroll could land before the scroll pane's layout and miss the button.
     */
    private static void press(FxRobot robot, String query) {
        ButtonBase button = robot.lookup(query).queryAs(ButtonBase.class);
        robot.interact(() -> scrollTo(button));
        assertFalse(button.isDisabled(), query + " is enabled");
        robot.interact(button::fire);
    }

    private static void scrollTo(Node node) {
        for (javafx.scene.Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane scroll) {
                double y = node.localToScene(node.getBoundsInLocal()).getMinY() - scroll.getContent().localToScene(0, 0).getY();
                double h = scroll.getContent().getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
                scroll.setVvalue(h <= 0 ? 0 : Math.clamp((y - 40) / h, 0, 1) * scroll.getVmax());
                scroll.layout();
                return;
            }
        }
    }
}
