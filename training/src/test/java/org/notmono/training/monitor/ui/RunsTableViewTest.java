package org.notmono.training.monitor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.fx.task.TaskService;
import org.notmono.training.monitor.NotMonoCli;
import org.notmono.training.run.RunFolder;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The runs table's Resume: a run that stepped without writing a checkpoint is started over only when the user agrees. */
@ExtendWith(ApplicationExtension.class)
class RunsTableViewTest {
    @TempDir
    static Path dir;
    private static TrainingViewModel model;
    private static final ScriptedDialogs dialogs = new ScriptedDialogs();

    /** Off the FX thread: a stale Stage 2 run that logged 7 steps and has no checkpoint. */
    @BeforeAll
    static void aRunWithStepsAndNoCheckpoint() throws Exception {
        Path root = dir.resolve("runs");
        RunFolder f = RunFolder.create(root, "stage2", new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode());
        for (int s = 1; s <= 7; s++) {
            f.metrics(s, 0, Map.of("train/loss", 1f / s));
        }
        Files.move(f.dir(), root.resolve("stage2-a"));
        Files.writeString(root.resolve("stage2-a/status.json"), "{\"stage\":\"stage2\",\"state\":\"running\",\"globalStep\":7,"
                + "\"totalSteps\":100,\"epoch\":0,\"message\":\"\",\"pid\":1}");
        model = new TrainingViewModel(new TaskService(Runnable::run, Runnable::run), new NotMonoCli(List.of("/bin/echo")), null,
                root, pid -> false, Runnable::run, Runnable::run, p -> { }, p -> { });
        model.refresh();
    }

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new RunsTableView(model, dialogs), 1200, 500));
        stage.show();
    }

    @Test
    void resumeAsksBeforeStartingOverARunWithoutACheckpoint(FxRobot robot) {
        robot.interact(() -> model.focusedProperty().set(model.run("stage2-a")));
        dialogs.confirmAnswer = false;
        robot.clickOn("#run-resume");
        assertEquals(List.of("stage2-a trained 7 steps but wrote no checkpoint: Resume starts it over from step 1 and drops the"
                + " metrics of those steps. Start it over?"), dialogs.questions);
        assertEquals("", model.statusProperty().get(), "declined: nothing launched");
        dialogs.confirmAnswer = true;
        robot.clickOn("#run-resume");
        assertEquals(2, dialogs.questions.size());
        assertTrue(model.statusProperty().get().startsWith("Started notmono train stage2 --resume " + dir.resolve("runs/stage2-a")),
                "agreed: it runs " + model.statusProperty().get());
    }
}
