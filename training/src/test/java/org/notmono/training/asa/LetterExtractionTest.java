package org.notmono.training.asa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LetterExtractionTest {

    @Test
    void takesTheFirstStandaloneLetterInsideTheAnswerTag() {
        assertEquals('B', LetterExtraction.letter("<think>the dog is behind, so not A</think><answer>B. Behind you</answer>"));
        assertEquals('C', LetterExtraction.letter("<answer> (C) two sources</answer>"));
        assertEquals('D', LetterExtraction.letter("<answer>D</answer> trailing"));
        assertEquals('A', LetterExtraction.letter("<answer>A"));  // cut off before the closing tag
        assertNull(LetterExtraction.letter("<answer>Behind you</answer>"), "'B' inside a word is no letter");
        assertNull(LetterExtraction.letter("<answer>E</answer>"));
        assertNull(LetterExtraction.letter("<think>A</think><answer>none</answer>"), "letters in the thought do not count");
    }

    @Test
    void withoutTagsOnlyABareLetterCounts() {
        assertEquals('A', LetterExtraction.letter("A"));
        assertEquals('B', LetterExtraction.letter(" B. "));
        assertEquals('C', LetterExtraction.letter("(C)"));
        assertNull(LetterExtraction.letter("The answer is B"));
        assertNull(LetterExtraction.letter("B. behind you"));
        assertNull(LetterExtraction.letter(""));
        assertNull(LetterExtraction.letter(null));
    }

    @Test
    void theOptionTextIsWhatFollowsTheLetterInsideTheAnswerTag() {
        assertEquals("Behind you", LetterExtraction.optionText("<think>not A</think><answer>B. Behind you</answer>"));
        assertEquals("About 2 m", LetterExtraction.optionText("<answer>C: About 2 m  </answer>"));
        assertEquals("Two", LetterExtraction.optionText("<answer>D. Two"));  // cut off before the closing tag
        assertNull(LetterExtraction.optionText("<answer>D</answer>"), "a letter alone names no text");
        assertNull(LetterExtraction.optionText("<answer>Behind you</answer>"), "no letter first");
        assertNull(LetterExtraction.optionText("B. Behind you"), "outside the answer tag");
        assertNull(LetterExtraction.optionText(null));
    }
}
