package org.notmono.training.monitor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.fx.task.TaskHandle;
import org.notmono.fx.task.TaskService;
import org.notmono.model.chat.OptionChoice;
import org.notmono.training.asa.AsaReport;
import org.notmono.training.curriculum.OptionWalk;
import org.notmono.training.monitor.EvalResult;
import org.notmono.training.asa.LalmAnswerer;
import org.notmono.training.qa.Family;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A researcher evaluates a LALM checkpoint on the Checkpoints tab with another answerer than the
 * model as it is (the exact-options diagnostic), and reads which answerer scored it, how often it
 * stated the right option's text and how often its letter followed its walk; then again by the
 * letter the model wrote instead of the likeliest option. The notmono launcher is a stand-in
 * that records its arguments and prints a results.json: no benchmark runs.
 */
@ExtendWith(ApplicationExtension.class)
class CheckpointsViewTest {
    @TempDir
    static Path dir;
    private static Path root;
    private static Path argv;
    private static Path bench;
    private static TrainingViewModel model;
    private static TaskService tasks;

    /** Off the FX thread: reading the stage catalogue can outlast the toolkit's start-up timeout on a busy machine. */
    @BeforeAll
    static void runsAndModel() throws Exception {
        root = dir.resolve("runs");
        StageCardsTest.lalmRun(root, "stage3-a", "stage3", "finished", 256);
        StageCardsTest.lalmRun(root, "stage1-a", "stage1", "finished", 256);
        AsaReport report = new AsaReport("lalm-exact-options-stage3");
        report.add(Family.COUNT, true, true, true);
        report.add(Family.COUNT, false, true, false);
        report.add(Family.ROTATE, false, true, false);
        report.addWalk(new OptionWalk.Summary(3, 3, true));
        report.addWalk(new OptionWalk.Summary(3, 3, true));
        report.addWalk(new OptionWalk.Summary(3, 2, false));
        ObjectMapper mapper = new ObjectMapper();
        Path results = Files.writeString(dir.resolve("results.json"), mapper.writeValueAsString(report.toJson(mapper, "/b")));
        argv = dir.resolve("argv.txt");
        bench = Files.createDirectories(dir.resolve("bench"));
        tasks = new TaskService(Runnable::run, Runnable::run);
        model = new TrainingViewModel(tasks, StageCardsTest.recordingCli(argv, results), null,
                root, pid -> false, Runnable::run, Runnable::run, p -> { }, p -> { });
        model.refresh();
    }

    /** Picks the benchmark folder whenever a folder is asked for. */
    private static ScriptedDialogs benchmarkChooser() {
        ScriptedDialogs dialogs = new ScriptedDialogs();
        dialogs.folder = bench;
        return dialogs;
    }

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new CheckpointsView(model, benchmarkChooser()), 1200, 700));
        stage.show();
    }

    @Test
    void evaluateWithTheChosenAnswererAndReadItsCountsThenByTheWrittenLetter(FxRobot robot) throws Exception {
        Node choice = robot.lookup("#eval-answerer").query();
        ComboBox<OptionChoice> answerBy = robot.lookup("#eval-choice").query();
        robot.interact(() -> model.focusedProperty().set(model.run("stage1-a")));
        assertFalse(choice.getParent().isVisible(), "an encoder's evaluation has no answerer");
        assertFalse(answerBy.getParent().isVisible(), "nor a choice");
        robot.interact(() -> model.focusedProperty().set(model.run("stage3-a")));
        assertTrue(choice.getParent().isVisible());
        assertTrue(answerBy.getParent().isVisible());
        assertEquals(OptionChoice.LIKELIEST, answerBy.getValue(), "the likeliest option at start, as bench asa's default");
        assertEquals(List.of(OptionChoice.values()), answerBy.getItems(), "every choice bench asa --choice has");
        assertEquals(OptionChoice.LIKELIEST.description(), answerBy.getTooltip().getText());
        ComboBox<LalmAnswerer> answerer = robot.lookup("#eval-answerer").query();
        assertEquals(LalmAnswerer.LALM, answerer.getValue(), "the model as it answers in Chat, at start");
        assertEquals(LalmAnswerer.LALM.description(), answerer.getTooltip().getText());
        assertEquals(List.of(LalmAnswerer.values()), answerer.getItems());

        robot.clickOn(answerer);
        ListCell<?> exact = robot.lookup(".list-cell").match(LabeledMatchers.hasText("lalm-exact-options")).query();
        assertEquals(LalmAnswerer.LALM_EXACT_OPTIONS.description(), exact.getTooltip().getText(), "each answerer says what it is");
        robot.clickOn(exact);
        assertEquals(LalmAnswerer.LALM_EXACT_OPTIONS, model.evalAnswererProperty().get());
        assertEquals(LalmAnswerer.LALM_EXACT_OPTIONS.description(), answerer.getTooltip().getText());

        ListView<Long> list = robot.lookup("#checkpoint-list").query();
        robot.interact(() -> list.getSelectionModel().select(Long.valueOf(4)));
        robot.clickOn("#checkpoint-evaluate");
        TableView<EvalResult.Row> table = robot.lookup("#eval-table").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        Path checkpoint = root.resolve("stage3-a/checkpoints/step-4");
        assertEquals(List.of("bench", "asa", "--answerer", "lalm-exact-options", "--choice", "likeliest", "--checkpoint",
                checkpoint.toString(), "--benchmark", bench.toString(), "-o",
                root.resolve(".evals/stage3-a-step-4-bench-lalm-exact-options").toString(), "--json"),
                Files.readAllLines(argv), "its own output folder, beside the lalm answerer's");
        assertEquals("stage3-a step 4 on bench, answerer lalm-exact-options (3 items)",
                robot.lookup("#eval-title").queryAs(Label.class).getText());
        assertEquals(List.of("metric", "lalm-exact-options-stage3"), table.getColumns().stream().map(TableColumn::getText).toList(),
                "results.json's answerer heads the column");
        assertEquals("33.3333", cell(table, "right option's text (%)"), "1 of 3 answers");
        assertEquals("2 of 3", cell(table, "letter follows walk"));
        assertEquals("33.3300", cell(table, "overall"), "1 of 3, as results.json rounds it");
        assertEquals("6.1–79.2", cell(table, "overall, 95% interval"), "Wilson's interval of 1 right of 3");

        robot.clickOn(answerBy);
        ListCell<?> written = robot.lookup(".list-cell").match(LabeledMatchers.hasText("written letter")).query();
        assertEquals(OptionChoice.WRITTEN.description(), written.getTooltip().getText(), "each choice says what the answer is");
        robot.clickOn(written);
        assertEquals(OptionChoice.WRITTEN, model.evalChoiceProperty().get());
        assertEquals(OptionChoice.WRITTEN.description(), answerBy.getTooltip().getText());
        List<TaskHandle> started = new ArrayList<>();
        ListChangeListener<TaskHandle> record = c -> {
            while (c.next()) {
                started.addAll(c.getAddedSubList());
            }
        };
        robot.interact(() -> tasks.running().addListener(record));
        robot.clickOn("#checkpoint-evaluate");
        Label title = robot.lookup("#eval-title").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> title.getText().contains("written letter"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> tasks.running().removeListener(record));

        Path out = root.resolve(".evals/stage3-a-step-4-bench-lalm-exact-options-written");
        assertEquals(List.of("bench", "asa", "--answerer", "lalm-exact-options", "--choice", "written", "--checkpoint",
                checkpoint.toString(), "--benchmark", bench.toString(), "-o", out.toString(), "--json"), Files.readAllLines(argv),
                "its own output folder, beside the likeliest option's");
        assertEquals(1, started.size());
        assertEquals("notmono bench asa --answerer lalm-exact-options --choice written --checkpoint " + checkpoint + " --benchmark "
                + bench + " -o " + out + " --json", started.getFirst().messageProperty().get(), "the command line the task bar shows");
        assertEquals("stage3-a step 4 on bench, answerer lalm-exact-options, written letter (3 items)", title.getText());

        // by the walk's likeliest end and by the consensus of reasonings: their own folders and titles too
        for (Map.Entry<OptionChoice, String> shown : Map.of(OptionChoice.WALK, "walk's likeliest end", OptionChoice.CONSENSUS,
                "consensus of 8 reasonings").entrySet()) {
            OptionChoice picked = shown.getKey();
            String label = shown.getValue();
            robot.clickOn(answerBy);
            ListCell<?> cell = robot.lookup(".list-cell").match(LabeledMatchers.hasText(label)).query();
            assertEquals(picked.description(), cell.getTooltip().getText());
            robot.clickOn(cell);
            assertEquals(picked, model.evalChoiceProperty().get());
            robot.clickOn("#checkpoint-evaluate");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> title.getText().contains(label));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(List.of("bench", "asa", "--answerer", "lalm-exact-options", "--choice", picked.id(), "--checkpoint",
                    checkpoint.toString(), "--benchmark", bench.toString(), "-o",
                    root.resolve(".evals/stage3-a-step-4-bench-lalm-exact-options-" + picked.id()).toString(), "--json"),
                    Files.readAllLines(argv));
            assertEquals("stage3-a step 4 on bench, answerer lalm-exact-options, " + label + " (3 items)", title.getText());
        }
    }

    private static String cell(TableView<EvalResult.Row> table, String metric) {
        EvalResult.Row row = table.getItems().stream().filter(r -> r.metric().equals(metric)).findFirst().orElseThrow();
        return String.valueOf(table.getColumns().get(1).getCellData(row));
    }
}
