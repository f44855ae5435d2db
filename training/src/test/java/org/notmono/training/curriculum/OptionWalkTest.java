package org.notmono.training.curriculum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
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
    void refusesAnItemWithoutReasoning() {
        assertThrows(IllegalArgumentException.class, () -> OptionWalk.target(item("B", null)));
    }
}
