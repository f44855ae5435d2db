package org.notmono.training.curriculum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.notmono.training.asa.AsaReport;
import org.notmono.training.asa.LetterExtraction;
import org.notmono.training.qa.Family;
import org.notmono.training.qa.QaItem;
import org.notmono.training.qa.QaKind;
import org.notmono.training.qa.Query;

class OptionWalkTest {
    private static final List<String> OPTIONS = List.of("In front of you, about 2 m away", "To your right, about 2 m away",
            "To your left, about 2 m away", "To your left, about 0.5 m away");
    private static final String THINK = "I hear the kettle to your left, at an azimuth of 103 degrees, 2.0 m away.";

    private static QaItem item(String answer, String think) {
        return new QaItem("s1/location_of/mcq", "s1", "clips/1.wav", Family.LOCATION_OF, QaKind.MCQ, "location_of/t1",
                "Where is the kettle?", OPTIONS, answer, OPTIONS.get(answer.charAt(0) - 'A'), think, List.of("/sources/0/azimuth"),
                "unused", new Query(List.of("kettle"), Map.of(), List.of()));
    }

    @Test
    void walksTheOptionsInOrderUpToTheRightOneAndNamesIt() {
        assertEquals("<think>" + THINK
                + "\nA. In front of you, about 2 m away - no"
                + "\nB. To your right, about 2 m away - no"
                + "\nC. To your left, about 2 m away - yes"
                + "</think><answer>C. To your left, about 2 m away</answer>", OptionWalk.target(item("C", THINK)));
    }

    @Test
    void theFirstOptionRightEndsTheWalkAtOnce() {
        assertEquals("<think>" + THINK + "\nA. In front of you, about 2 m away - yes</think><answer>A. In front of you, about 2 m away</answer>",
                OptionWalk.target(item("A", THINK)));
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
        // a trained target: every line exact, the letter the walk's "yes"
        assertEquals(new OptionWalk.Summary(3, 3, true), OptionWalk.summarize(OptionWalk.target(item("C", THINK)), OPTIONS, 'C'));
        // the walk miscopies B (option D's text under B's letter), says "yes" to it, and the answer names B
        String drifted = "<think>" + THINK + "\nA. In front of you, about 2 m away - no"
                + "\nB. To your left, about 0.5 m away - yes</think><answer>B. To your left, about 0.5 m away</answer>";
        assertEquals(new OptionWalk.Summary(2, 1, true), OptionWalk.summarize(drifted, OPTIONS, 'B'));
        // the answer names another letter than the walk's "yes"
        assertEquals(new OptionWalk.Summary(2, 1, false), OptionWalk.summarize(drifted, OPTIONS, 'C'));
        assertEquals(new OptionWalk.Summary(2, 1, false), OptionWalk.summarize(drifted, OPTIONS, null));
    }

    @Test
    void theReportCountsWalksBesideTheScore() {
        AsaReport report = new AsaReport("lalm");
        report.add(Family.LOCATION_OF, true, true, true);
        report.addWalk(new OptionWalk.Summary(3, 2, true));
        report.add(Family.LOCATION_OF, false, true, false);
        report.addWalk(new OptionWalk.Summary(2, 0, false));
        report.add(Family.LOCATION_OF, false, false, false);
        report.addWalk(new OptionWalk.Summary(0, 0, false)); // no walk: not counted
        JsonNode walk = report.toJson(new ObjectMapper(), "b").path("walk");
        assertEquals(List.of(2, 1, 5, 2), List.of(walk.path("answers").asInt(), walk.path("letterFollowsWalk").asInt(),
                walk.path("lines").asInt(), walk.path("linesCopiedExactly").asInt()));
        assertEquals(33.3, report.overall(), 0.05);
    }

    @Test
    void refusesAnItemWithoutReasoning() {
        assertThrows(IllegalArgumentException.class, () -> OptionWalk.target(item("B", null)));
    }
}
