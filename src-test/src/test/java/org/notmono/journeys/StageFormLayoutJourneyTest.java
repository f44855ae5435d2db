package org.notmono.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A researcher opens the Stage 4 card in the window's default size and reads every setting's
 * name, unit and the generate row in full: no "Advantage scale fl..." or "Gener..." (the card
 * column is narrow and the form has the longest names).
 */
@ExtendWith(ApplicationExtension.class)
class StageFormLayoutJourneyTest {
    @TempDir
    static Path dir;

    @RegisterExtension
    final TrainingJourney journey = new TrainingJourney();

    @Start
    void start(Stage stage) {
        journey.start(stage, dir);
    }

    @Test
    void theStage4FormNamesEverySettingInFull(FxRobot robot) {
        robot.clickOn("#tab-training");
        TitledPane card = robot.lookup("#card-stage4").queryAs(TitledPane.class);
        robot.interact(() -> card.setExpanded(true));
        WaitForAsyncUtils.waitForFxEvents();

        List<Label> shown = robot.from(card.getContent()).lookup(".label").queryAllAs(Label.class).stream()
                .filter(StageFormLayoutJourneyTest::treeVisible)
                .filter(l -> !l.getText().isEmpty() && !l.isWrapText()) // wrapped text is meant to be narrower than one line
                .toList();
        assertTrue(shown.stream().anyMatch(l -> l.getText().equals("Advantage scale floor")), "the SAPO settings are open: " + shown.size());
        assertTrue(shown.stream().anyMatch(l -> l.getText().equals("scenes and questions")), "the generate row is shown");
        List<String> cut = shown.stream()
                .filter(l -> l.getWidth() + 0.5 < l.prefWidth(-1))
                .map(l -> l.getText() + " (" + Math.round(l.getWidth()) + " of " + Math.round(l.prefWidth(-1)) + " px)")
                .toList();
        assertEquals(List.of(), cut, "labels cut short");
    }

    /** Whether the node and every parent are visible (the settings of a collapsed section are not). */
    private static boolean treeVisible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
