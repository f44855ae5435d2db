package org.notmono.training.monitor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.training.sapo.GroupAdvantages;
import org.notmono.training.sapo.RolloutRecord;
import org.notmono.training.sapo.RolloutsLog;

/** The SAPO rollouts view's state without a window: questions newest first, the family filter, the answers of a question, growth. */
class RolloutsViewModelTest {
    @TempDir
    Path dir;

    private static RolloutRecord record(long step, String family, double... rewards) {
        double[] advantages = GroupAdvantages.of(rewards, 0);
        List<RolloutRecord.Answer> answers = new ArrayList<>();
        for (int i = 0; i < rewards.length; i++) {
            Map<String, Double> parts = new LinkedHashMap<>();
            parts.put("format", 1.0);
            parts.put("accuracy", rewards[i] > 1 ? 1.0 : 0.0);
            parts.put("hallucination", 0.0);
            answers.add(new RolloutRecord.Answer("<answer>" + (char) ('A' + i) + "</answer>", (char) ('A' + i), parts, rewards[i],
                    advantages[i]));
        }
        return new RolloutRecord(step, "q-" + step + "-" + family, family, "Question " + step + "?\nA. x\nB. y", "B", answers);
    }

    @Test
    void filtersByFamilyAndShowsTheAnswersOfTheSelectedQuestion() throws Exception {
        Path file = dir.resolve(RolloutsLog.FILE);
        RolloutRecord a1 = record(1, "azimuth", 0.5, 2.5);
        RolloutRecord c1 = record(1, "count", 1, 1);
        RolloutRecord a2 = record(2, "azimuth", 3, 0.5);
        RolloutsLog.append(file, List.of(a1, c1, a2));
        RolloutsViewModel model = new RolloutsViewModel(Runnable::run, Runnable::run);
        assertTrue(model.questions().isEmpty());
        model.runProperty().set(dir);

        assertEquals(List.of(RolloutsViewModel.ALL, "azimuth", "count"), model.families());
        assertEquals(List.of(a2, c1, a1), model.questions());
        assertEquals(a2, model.selectedProperty().get());
        assertEquals(a2.answers(), model.answers());
        assertEquals(List.of("format", "accuracy", "hallucination"), model.parts());
        assertEquals("3 sampled questions, steps 1-2", model.summaryProperty().get());

        model.familyProperty().set("count");
        assertEquals(List.of(c1), model.questions());
        assertEquals(c1, model.selectedProperty().get());
        assertEquals(List.of(0.0, 0.0), model.answers().stream().map(RolloutRecord.Answer::advantage).toList()); // an equal group

        model.familyProperty().set("azimuth");
        assertEquals(List.of(a2, a1), model.questions());
        model.selectedProperty().set(a1);

        // the run goes on: a new step and a torn line; the filter and the selection stay
        RolloutRecord a3 = record(3, "azimuth", 0, 1, 2);
        RolloutsLog.append(file, List.of(a3, record(3, "distance", 1, 2)));
        Files.writeString(file, "{\"step\": 4, \"promp", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        model.refresh();
        assertEquals(List.of(RolloutsViewModel.ALL, "azimuth", "count", "distance"), model.families());
        assertEquals(List.of(a3, a2, a1), model.questions());
        assertEquals(a1, model.selectedProperty().get());
        assertEquals("5 sampled questions, steps 1-3; 1 incomplete line(s) skipped", model.summaryProperty().get());

        model.runProperty().set(dir.resolve("stage1-run"));
        assertTrue(model.questions().isEmpty());
        assertNull(model.selectedProperty().get());
        assertTrue(model.answers().isEmpty());
        assertEquals("No rollouts in this run (Stage 4 runs log them)", model.summaryProperty().get());
    }
}
