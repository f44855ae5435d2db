package org.notmono.training.sapo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.notmono.cli.InputException;

class SapoConfigTest {
    @Test
    void aConfigWrittenBeforeTheAdvantageFloorTheReasoningLossAndTheGreedyChoiceReadsAsTwnmsObjective() {
        SapoConfig changed = SapoConfig.fromJson(SapoConfig.tiny().toJson().put("advantageStdFloor", 0.5).put("lossOnReasoning", true)
                .put("greedyWrongOnly", true), "new.json");
        assertEquals(0.5, changed.advantageStdFloor());
        assertEquals(true, changed.lossOnReasoning());
        assertEquals(true, changed.greedyWrongOnly());
        assertEquals(3 * changed.promptsPerStep(), changed.candidatesPerStep());
        ObjectNode old = changed.toJson();
        old.remove("advantageStdFloor");
        old.remove("lossOnReasoning");
        old.remove("greedyWrongOnly");
        SapoConfig read = SapoConfig.fromJson(old, "old.json");
        assertEquals(0.0, read.advantageStdFloor());
        assertEquals(false, read.lossOnReasoning());
        assertEquals(false, read.greedyWrongOnly());
        assertEquals(read.promptsPerStep(), read.candidatesPerStep());
    }

    @Test
    void theReasoningLossEndsAtTheFirstClosedThinkAndCoversEverythingWithoutOne() {
        long thinkEnd = 7;
        long[] rollout = {3, 4, 5, thinkEnd, 9, 10, 2};
        assertEquals(4, SapoStep.lossLength(rollout, thinkEnd, true));
        assertEquals(7, SapoStep.lossLength(rollout, thinkEnd, false));
        assertEquals(3, SapoStep.lossLength(new long[] {3, 4, 5}, thinkEnd, true)); // never closed its reasoning
        assertEquals(1, SapoStep.lossLength(new long[] {thinkEnd, thinkEnd}, thinkEnd, true));
    }

    @Test
    void aNegativeAdvantageFloorIsNamed() {
        InputException bad = assertThrows(InputException.class,
                () -> SapoConfig.fromJson(SapoConfig.tiny().toJson().put("advantageStdFloor", -1), "cfg.json"));
        assertEquals("cfg.json: bad stage 4 config: advantageStdFloor must be >= 0", bad.getMessage());
    }
}
