package org.notmono.training.monitor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.fx.KeyBinding;
import org.notmono.fx.task.TaskService;
import org.notmono.training.monitor.NotMonoCli;
import org.notmono.training.qa.Family;
import org.notmono.training.sapo.GroupAdvantages;
import org.notmono.training.sapo.RolloutRecord;
import org.notmono.training.sapo.RolloutsLog;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A researcher focuses a Stage 4 run in the Training workspace and reads its rollouts.jsonl on the
 * Rollouts tab: picks a question, reads each answer's option it names (decision 0004), its reward
 * and reward parts, opens one answer's full text, and narrows the questions to one family. The log
 * is written by {@link RolloutsLog#append} as Stage 4 writes it, two steps of two families, with
 * answers that name an option and one that names none.
 */
@ExtendWith(ApplicationExtension.class)
class RolloutsViewTest {
    private static final String NAMES_TIP = "The option this answer names: the one the policy finds likeliest after its text"
            + " (decision 0004); its accuracy reward compares this with the right answer";
    @TempDir
    static Path dir;
    private static TrainingViewModel model;
    private static RolloutRecord count1;
    private static RolloutRecord rotate1;
    private static RolloutRecord count2;

    /** One rollout: its reward is its parts' sum (weights of 1), as the log holds it. */
    private record Rollout(String text, Character named, double format, double accuracy, double hallucination) {
        double reward() {
            return format + accuracy - hallucination;
        }
    }

    private static RolloutRecord record(long step, Family family, String question, String truth, Rollout... rollouts) {
        double[] rewards = new double[rollouts.length];
        for (int i = 0; i < rollouts.length; i++) {
            rewards[i] = rollouts[i].reward();
        }
        double[] advantages = GroupAdvantages.of(rewards, 0);
        List<RolloutRecord.Answer> answers = new ArrayList<>();
        for (int i = 0; i < rollouts.length; i++) {
            Rollout r = rollouts[i];
            Map<String, Double> parts = new LinkedHashMap<>();
            parts.put("format", r.format());
            parts.put("accuracy", r.accuracy());
            parts.put("hallucination", r.hallucination());
            answers.add(new RolloutRecord.Answer(r.text(), r.named(), parts, rewards[i], advantages[i]));
        }
        return new RolloutRecord(step, "q-" + step + "-" + family.id(), family.id(), question, truth, answers);
    }

    /** Off the FX thread, as in {@link CheckpointsViewTest}: a Stage 4 run folder with two steps of rollouts. */
    @BeforeAll
    static void aStage4RunWithRollouts() throws Exception {
        Path root = dir.resolve("runs");
        StageCardsTest.lalmRun(root, "stage4-a", "stage4", "finished", 256);
        Path file = root.resolve("stage4-a").resolve(RolloutsLog.FILE);
        count1 = record(1, Family.COUNT, "How many sources do you hear?\nA. one\nB. two\nC. three\nD. four", "B",
                new Rollout("<think>two voices</think><answer>B. two</answer>", 'B', 1, 1, 0),
                new Rollout("<think>a dog</think><answer>A. one</answer>", 'A', 1, 0, 0));
        rotate1 = record(1, Family.ROTATE, "If you turn to face the door, where is the piano?\nA. in front\nB. behind you"
                        + "\nC. to your left\nD. to your right", "C",
                new Rollout("<think>the piano was ahead;\nturning right puts it left</think><answer>C. to your left</answer>", 'C', 1, 1, 0),
                new Rollout("<think>it moves</think><answer>B. to your left</answer>", 'C', 1, 1, 0.25),
                new Rollout("I hear a piano", null, 0, 0, 0));
        RolloutsLog.append(file, List.of(count1, rotate1));
        count2 = record(2, Family.COUNT, "How many dogs bark?\nA. none\nB. one\nC. two\nD. three", "C",
                new Rollout("<think>one dog</think><answer>B. one</answer>", 'B', 1, 0, 0),
                new Rollout("<think>two barks</think><answer>", 'C', 0, 1, 0));
        RolloutsLog.append(file, List.of(count2));
        model = new TrainingViewModel(new TaskService(Runnable::run, Runnable::run), new NotMonoCli(List.of("false")), null,
                root, pid -> false, Runnable::run, Runnable::run, p -> { }, p -> { });
        model.refresh();
    }

    @Start
    void start(Stage stage) {
        // in a tab pane beside another tab, as in the Training workspace
        TabPane tabs = new TabPane(new Tab("Rollouts", new RolloutsView(model.rollouts())), new Tab("Other", new Label("other")));
        tabs.setId("tabs");
        stage.setScene(new Scene(tabs, 1200, 700));
        stage.show();
    }

    @Test
    void readTheOptionEachAnswerNamesWithItsRewardThenOneFamily(FxRobot robot) throws Exception {
        TableView<RolloutRecord> questions = robot.lookup("#rollouts-questions").query();
        TableView<RolloutRecord.Answer> answers = robot.lookup("#rollouts-answers").query();
        TextArea prompt = robot.lookup("#rollouts-prompt").query();
        TextArea answerText = robot.lookup("#rollouts-answer-text").query();
        assertTrue(questions.getItems().isEmpty(), "no run focused yet");

        robot.interact(() -> model.focusedProperty().set(model.run("stage4-a"))); // a click in the runs table
        assertEquals(List.of(count2, rotate1, count1), questions.getItems(), "the log's records, newest step first");
        assertEquals(count2, model.rollouts().selectedProperty().get());

        robot.clickOn(cell(questions, 1, "question"));
        assertEquals("If you turn to face the door, where is the piano?", text(cell(questions, 1, "question")));
        assertEquals(rotate1, model.rollouts().selectedProperty().get());
        assertEquals(rotate1.answers(), answers.getItems());
        assertTrue(prompt.getText().startsWith(rotate1.question() + "\n\nright answer: C"), prompt.getText());
        assertEquals(List.of("advantage", "reward", "names", "format", "accuracy", "hallucination", "answer"),
                answers.getColumns().stream().map(RolloutsViewTest::title).toList(), "the names before the reward parts");

        // the written letter B, the likeliest option C: the accuracy part follows the named option
        assertEquals(List.of("C", "C", ""), column(answers, "names"), "an answer that names no option shows none");
        assertEquals(List.of("2.000", "1.750", "0.000"), column(answers, "reward"));
        assertEquals(List.of("1.000", "1.000", "0.000"), column(answers, "accuracy"));
        assertEquals(List.of("0.000", "0.250", "0.000"), column(answers, "hallucination"));
        assertEquals(List.of("<think>the piano was ahead; turning right puts it left</think><answer>C. to your left</answer>",
                "<think>it moves</think><answer>B. to your left</answer>", "I hear a piano"), column(answers, "answer"),
                "on one line");

        Label names = (Label) answers.getColumns().stream().filter(c -> "rollouts-names".equals(c.getId())).findFirst().orElseThrow()
                .getGraphic();
        robot.moveTo(names);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> names.getTooltip().isShowing());
        assertEquals(NAMES_TIP, names.getTooltip().getText(), "the header says what the column is");
        // the tip opens below the header, over the first row: close it before clicking that row
        robot.interact(() -> names.getTooltip().hide());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !names.getTooltip().isShowing());

        robot.clickOn(cell(answers, 0, "reward"));
        assertEquals(rotate1.answers().getFirst(), answers.getSelectionModel().getSelectedItem());
        assertEquals("<think>the piano was ahead;\nturning right puts it left</think><answer>C. to your left</answer>",
                answerText.getText(), "the full text, its lines kept");

        ComboBox<String> family = robot.lookup("#rollouts-family").query();
        assertEquals(List.of(RolloutsViewModel.ALL, "count", "rotate"), family.getItems());
        robot.clickOn(family);
        ListCell<?> count = robot.lookup(".list-cell").match(LabeledMatchers.hasText("count")).query();
        robot.clickOn(count);
        assertEquals("count", model.rollouts().familyProperty().get());
        assertEquals(List.of(count2, count1), questions.getItems(), "the count questions, newest first");
        assertEquals(List.of("2", "1"), column(questions, "step"));
        assertEquals(List.of("count", "count"), column(questions, "family"));
        assertEquals(List.of("1.000", "1.500"), column(questions, "mean reward"));
        assertEquals(count2, model.rollouts().selectedProperty().get(), "the rotate question is gone: the newest shown");
        assertTrue(prompt.getText().startsWith(count2.question() + "\n\nright answer: C"), prompt.getText());
        assertEquals(count2.answers(), answers.getItems());
        assertEquals(List.of("B", "C"), column(answers, "names"));
        assertEquals(List.of("1.000", "1.000"), column(answers, "reward"));
        assertEquals(List.of("0.000", "1.000"), column(answers, "accuracy"));
        RolloutRecord.Answer chosen = answers.getSelectionModel().getSelectedItem();
        assertEquals(chosen == null ? "" : chosen.text(), answerText.getText(), "never the other question's answer");

        // the keys Help lists: Shortcut+Shift+F focuses the family, F5 reads the log again
        robot.clickOn(cell(questions, 0, "question"));
        assertFalse(family.isFocused());
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F);
        assertTrue(family.isFocused(), "the family chooser has the focus");
        RolloutRecord count3 = record(3, Family.COUNT, "How many birds sing?\nA. one\nB. two\nC. three\nD. four", "A",
                new Rollout("<think>one bird</think><answer>A. one</answer>", 'A', 1, 1, 0),
                new Rollout("<think>a flock</think><answer>D. four</answer>", 'D', 1, 0, 0));
        RolloutsLog.append(dir.resolve("runs").resolve("stage4-a").resolve(RolloutsLog.FILE), List.of(count3));
        TabPane tabs = robot.lookup("#tabs").query();
        robot.interact(() -> tabs.getSelectionModel().select(1));
        robot.push(KeyCode.F5);
        assertEquals(List.of(count2, count1), questions.getItems(), "F5 on another tab does not read it");
        robot.interact(() -> tabs.getSelectionModel().select(0));
        robot.push(KeyCode.F5);
        assertEquals(List.of(count3, count2, count1), questions.getItems(), "step 3, written since, read again");

        Scene scene = tabs.getScene();
        robot.interact(() -> tabs.getTabs().getFirst().setContent(null));
        assertFalse(scene.getAccelerators().containsKey(KeyBinding.ROLLOUTS_RELOAD.combination()), "a view taken out takes its keys");
        assertFalse(scene.getAccelerators().containsKey(KeyBinding.ROLLOUTS_FAMILY.combination()));
    }

    /** A column's header as shown: its text, or its label's when the label carries a tooltip. */
    private static String title(TableColumn<?, ?> column) {
        return column.getGraphic() instanceof Label l ? l.getText() : column.getText();
    }

    /** The texts a column shows, row by row, as rendered. */
    private static List<String> column(TableView<?> table, String title) {
        List<String> texts = new ArrayList<>();
        for (int row = 0; row < table.getItems().size(); row++) {
            texts.add(text(cell(table, row, title)));
        }
        return texts;
    }

    /** The rendered cell of {@code row} in the column titled {@code title}. */
    private static TableCell<?, ?> cell(TableView<?> table, int row, String title) {
        WaitForAsyncUtils.waitForFxEvents();
        return table.lookupAll(".table-cell").stream().map(n -> (TableCell<?, ?>) n)
                .filter(c -> c.getIndex() == row && c.getTableColumn() != null && title.equals(title(c.getTableColumn())) && shown(c))
                .findFirst().orElseThrow(() -> new AssertionError("no cell shown in row " + row + " of '" + title + "'"));
    }

    private static String text(TableCell<?, ?> cell) {
        return cell.getText() == null ? "" : cell.getText();
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
