package org.notmono.training.curriculum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.notmono.cli.InputException;

class StageSettingsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static ObjectNode settings() throws Exception {
        return (ObjectNode) MAPPER.readTree("""
                {"steps": 10, "batchSize": 8, "learningRate": 1e-3, "warmupSteps": 1, "checkpointEvery": 5, "gradientClip": 1.0, "seed": 1}""");
    }

    @Test
    void lengthBucketsAreOffWhenAConfigLeavesThemOutAndRoundTrip() throws Exception {
        assertEquals(0, StageSettings.fromJson(settings(), "cfg").lengthBuckets());
        StageSettings bucketed = StageSettings.fromJson(settings().put("lengthBuckets", 32), "cfg");
        assertEquals(32, bucketed.lengthBuckets());
        assertEquals(bucketed, StageSettings.fromJson(bucketed.toJson(), "cfg"));
    }

    @Test
    void lengthBucketsThatAreNotAWholeNumberOfBatchesAreRefused() throws Exception {
        assertEquals("cfg \"stage0\": steps, batchSize and checkpointEvery must be at least 1, learningRate and gradientClip positive,"
                + " warmupSteps, lengthBuckets and knowledge not negative", assertThrows(InputException.class,
                () -> StageSettings.fromJson(settings().put("lengthBuckets", -1), "cfg \"stage0\"")).getMessage());
        assertEquals("cfg \"stage0\": \"lengthBuckets\" must be a whole number of batches (0: off), not 2.5", assertThrows(InputException.class,
                () -> StageSettings.fromJson(settings().put("lengthBuckets", 2.5), "cfg \"stage0\"")).getMessage());
        assertEquals("cfg \"stage0\": \"lengthBuckets\" must be a whole number of batches (0: off), not \"many\"",
                assertThrows(InputException.class,
                        () -> StageSettings.fromJson(settings().put("lengthBuckets", "many"), "cfg \"stage0\"")).getMessage());
    }

    @Test
    void multipleChoiceAnswersWalkTheOptionsUnlessAConfigSaysNot() throws Exception {
        assertEquals(true, StageSettings.fromJson(settings(), "cfg").optionWalk());
        StageSettings direct = StageSettings.fromJson(settings().put("optionWalk", false), "cfg");
        assertEquals(false, direct.optionWalk());
        assertEquals(direct, StageSettings.fromJson(direct.toJson(), "cfg"));
        assertEquals("cfg \"stage3\": \"optionWalk\" must be true (walk the options before the answer) or false (answer right after"
                + " the reasoning), not \"no\"", assertThrows(InputException.class,
                () -> StageSettings.fromJson(settings().put("optionWalk", "no"), "cfg \"stage3\"")).getMessage());
    }

    @Test
    void stageZeroStatesNoWorldKnowledgeUnlessAConfigSaysHowOften() throws Exception {
        assertEquals(0, StageSettings.fromJson(settings(), "cfg").knowledge());
        StageSettings taught = StageSettings.fromJson(settings().put("knowledge", 300), "cfg");
        assertEquals(300, taught.knowledge());
        assertEquals(taught, StageSettings.fromJson(taught.toJson(), "cfg"));
        assertEquals("cfg \"stage0\": \"knowledge\" must be a whole number of statements of each fact (0: none), not true",
                assertThrows(InputException.class, () -> StageSettings.fromJson(settings().put("knowledge", true), "cfg \"stage0\"")).getMessage());
        assertEquals("cfg \"stage0\": steps, batchSize and checkpointEvery must be at least 1, learningRate and gradientClip positive,"
                + " warmupSteps, lengthBuckets and knowledge not negative", assertThrows(InputException.class,
                () -> StageSettings.fromJson(settings().put("knowledge", -3), "cfg \"stage0\"")).getMessage());
    }
}
