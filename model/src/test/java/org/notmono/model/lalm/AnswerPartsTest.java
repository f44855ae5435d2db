package org.notmono.model.lalm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** DESIGN.md's extraction rule: the first A-D inside answer tags, else a bare letter, anything else is no letter. */
class AnswerPartsTest {

    @Test
    void tagsGiveThinkAnswerAndTheFirstStandingLetter() {
        AnswerParts p = AnswerParts.of("<think>The dog is at 90 degrees.</think><answer>B. Left, and not A</answer>", true);
        assertEquals("The dog is at 90 degrees.", p.think());
        assertEquals("B. Left, and not A", p.answer());
        assertEquals('B', p.letter());
    }

    @Test
    void lettersInsideWordsDoNotCount() {
        assertNull(AnswerParts.of("<answer>Behind you</answer>", true).letter());
        assertEquals('C', AnswerParts.of("<answer>Behind you: C</answer>", true).letter());
    }

    @Test
    void withoutTagsOnlyABareLetterCounts() {
        assertEquals('D', AnswerParts.of(" D. Four", true).letter());
        assertEquals('A', AnswerParts.of("(A)", true).letter());
        assertNull(AnswerParts.of("A dog barks on the left.", true).letter());
        assertEquals("A dog barks on the left.", AnswerParts.of("A dog barks on the left.", false).answer());
    }

    @Test
    void openQuestionsHaveNoLetterAndEmptyThinkIsNull() {
        AnswerParts p = AnswerParts.of("<think></think><answer>A small dry room.</answer>", false);
        assertNull(p.think());
        assertNull(p.letter());
        assertEquals("A small dry room.", p.answer());
    }

    @Test
    void anUnfinishedAnswerKeepsWhatWasWritten() {
        AnswerParts p = AnswerParts.of("<think>counting", true);
        assertEquals("counting", p.think());
        assertEquals("", p.answer());
        assertNull(p.letter());
    }
}
