package org.notmono.training.curriculum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.notmono.model.lalm.ShippedLalm;
import org.notmono.model.tokenizer.TextTokenizer;
import org.notmono.training.asa.AsaReport;
import org.notmono.training.asa.LetterExtraction;
import org.notmono.training.qa.Family;
import org.notmono.training.qa.QaItem;
import org.notmono.training.qa.QaKind;
import org.notmono.training.qa.Query;

class OptionWalkTest {
    private static final List<String> OPTIONS = List.of("In front of you, about 2 m away", "To your right, about 2 m away",
            "To your left, about 2 m away", "To your left, about 0.5 m away");
    private static final String THINK = "I hear the kettle at an azimuth of 103 degrees (to your left), 2.0 m away.";

    private static QaItem item(String answer, String think) {
        return new QaItem("s1/location_of/mcq", "s1", "clips/1.wav", Family.LOCATION_OF, QaKind.MCQ, "location_of/t1",
                "Where is the kettle?", OPTIONS, answer, OPTIONS.get(answer.charAt(0) - 'A'), think, List.of("/sources/0/azimuth"),
                "unused", new Query(List.of("kettle"), Map.of(), List.of()));
    }

    @Test
    void walksTheOptionsInOrderUpToTheRightOneAndNamesIt() {
        assertEquals("<think>" + THINK
                + "\nSo: To your left, about 2 m away"
                + "\nA. In front of you, about 2 m away - no"
                + "\nB. To your right, about 2 m away - no"
                + "\nC. To your left, about 2 m away - yes"
                + "</think><answer>C. To your left, about 2 m away</answer>", OptionWalk.target(item("C", THINK)));
    }

    @Test
    void theFirstOptionRightEndsTheWalkAtOnce() {
        assertEquals("<think>" + THINK + "\nSo: In front of you, about 2 m away\nA. In front of you, about 2 m away - yes</think><answer>A. In front of you, about 2 m away</answer>",
                OptionWalk.target(item("A", THINK)));
    }

    @Test
    void theJudgementsAndNothingElseWeighMoreInTheLoss() throws Exception {
        try (TextTokenizer tokenizer = TextTokenizer.load(ShippedLalm.extract().orElseThrow().resolve("tokenizer.json"))) {
            long[] ids = tokenizer.encode(OptionWalk.target(item("C", THINK)));
            float[] weights = OptionWalk.weights(ids, tokenizer);
            List<String> heavyRuns = new ArrayList<>();
            List<Long> run = new ArrayList<>();
            for (int k = 0; k <= ids.length; k++) {
                if (k < ids.length && weights[k] == OptionWalk.JUDGEMENT_WEIGHT) {
                    run.add(ids[k]);
                } else {
                    assertTrue(k == ids.length || weights[k] == 1, "a plain token weighs 1");
                    if (!run.isEmpty()) {
                        heavyRuns.add(tokenizer.decode(run.stream().mapToLong(Long::longValue).toArray()));
                        run.clear();
                    }
                }
            }
            assertEquals(List.of(" - no", " - no", " - yes"), heavyRuns, "the three judgements, each weighed whole, and no other token");
            assertNull(OptionWalk.weights(tokenizer.encode("<answer>To your left - not a walk</answer>"), tokenizer));
        }
    }

    @Test
    void theBenchmarkScoresTheAnswersLetterNotTheLettersTheWalkPasses() {
        for (String letter : List.of("A", "B", "C", "D")) {
            assertEquals(letter.charAt(0), LetterExtraction.letter(OptionWalk.target(item(letter, THINK))));
        }
    }

    @Test
    void aTargetReadsBackAsItsWalk() {
        assertEquals(List.of(new OptionWalk.Line('A', OPTIONS.get(0), false), new OptionWalk.Line('B', OPTIONS.get(1), false),
                new OptionWalk.Line('C', OPTIONS.get(2), true)), OptionWalk.read(OptionWalk.target(item("C", THINK))));
    }

    @Test
    void aModelsWalkReadsAsWrittenCopiedOrNot() {
        // as the shipped model wrote it: option A miscopied, then "yes" to its own words
        String text = "<think>I hear it in front of you.\nA. In front of you - no\nB. In front of you - yes</think><answer>B. In front of"
                + " you</answer>";
        assertEquals(List.of(new OptionWalk.Line('A', "In front of you", false), new OptionWalk.Line('B', "In front of you", true)),
                OptionWalk.read(text));
        assertEquals(List.of(), OptionWalk.read("<think></think><answer>B. Two</answer>"));
        assertEquals(List.of(), OptionWalk.read("<think>It is B. Two - yes, surely</think><answer>B</answer>"), "not a walk line");
    }

    @Test
    void summarisesAWalkAgainstThePromptsOptions() {
        // a trained target: every line exact, the choice right and followed
        assertEquals(new OptionWalk.Summary(3, 3, true, true, true, true),
                OptionWalk.summarize(OptionWalk.target(item("C", THINK)), OPTIONS, 'C', 'C'));
        // the choice says option D's text, the walk miscopies B and says "yes" to it, the answer names B
        String drifted = "<think>" + THINK + "\nSo: To your left, about 0.5 m away\nA. In front of you, about 2 m away - no"
                + "\nB. To your left, about 0.5 m away - yes</think><answer>B. To your left, about 0.5 m away</answer>";
        assertEquals(new OptionWalk.Summary(2, 1, true, true, false, false), OptionWalk.summarize(drifted, OPTIONS, 'B', 'C'));
        assertEquals("To your left, about 0.5 m away", OptionWalk.choice(drifted));
        // a walk without a stated choice (the form before it was added)
        String bare = "<think>" + THINK + "\nA. In front of you, about 2 m away - yes</think><answer>A. In front of you</answer>";
        assertEquals(new OptionWalk.Summary(1, 1, true, false, false, false), OptionWalk.summarize(bare, OPTIONS, 'A', 'C'));
    }

    @Test
    void theReportCountsWalksBesideTheScore() {
        AsaReport report = new AsaReport("lalm");
        report.add(Family.LOCATION_OF, true, true, true);
        report.addWalk(new OptionWalk.Summary(3, 2, true, true, true, true));
        report.add(Family.LOCATION_OF, false, true, false);
        report.addWalk(new OptionWalk.Summary(2, 0, false, true, false, false));
        report.add(Family.LOCATION_OF, false, false, false);
        report.addWalk(new OptionWalk.Summary(0, 0, false, false, false, false)); // no walk: not counted
        JsonNode walk = report.toJson(new ObjectMapper(), "b").path("walk");
        assertEquals(List.of(2, 1, 5, 2, 2, 1, 1), List.of(walk.path("answers").asInt(), walk.path("letterFollowsWalk").asInt(),
                walk.path("lines").asInt(), walk.path("linesCopiedExactly").asInt(), walk.path("statedChoice").asInt(),
                walk.path("choiceRight").asInt(), walk.path("letterFollowsChoice").asInt()));
        assertEquals(33.3, report.overall(), 0.05);
    }

    @Test
    void refusesAnItemWithoutReasoning() {
        assertThrows(IllegalArgumentException.class, () -> OptionWalk.target(item("B", null)));
    }
}
