package org.notmono.model.chat.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The reasoning and the answer, split out of finished and half-streamed text. */
class TaggedTextTest {
    private static final String FULL = "<think>Two sources; the dog is at 90 degrees.</think><answer>B. On the left</answer>";

    @Test
    void aFinishedAnswerSplitsIntoReasoningAndAnswer() {
        TaggedText t = TaggedText.parse(FULL);
        assertEquals("Two sources; the dog is at 90 degrees.", t.think());
        assertFalse(t.thinking());
        assertEquals("B. On the left", t.answer());
        TaggedText plain = TaggedText.parse("  B  ");
        assertNull(plain.think(), "no tags: no reasoning");
        assertEquals("B", plain.answer());
    }

    @Test
    void everyPrefixOfAStreamShowsNoTagAndNeverMovesTextBetweenSections() {
        String lastThink = "";
        String lastAnswer = "";
        for (int i = 0; i <= FULL.length(); i++) {
            TaggedText t = TaggedText.parse(FULL.substring(0, i));
            String think = t.think() == null ? "" : t.think();
            assertFalse(think.contains("<") || t.answer().contains("<"), "no tag or half tag is shown at " + i + ": " + t);
            assertTrue(think.startsWith(lastThink.strip()), "reasoning only grows: " + i);
            assertTrue(t.answer().startsWith(lastAnswer.strip()), "the answer only grows: " + i);
            lastThink = think;
            lastAnswer = t.answer();
        }
        assertTrue(TaggedText.parse("<think>Two sou").thinking(), "an open think is reasoning in progress");
        assertEquals("", TaggedText.parse("<think>Two sou").answer());
        assertEquals("x < y", TaggedText.parse("x < y").answer(), "a lone < that is no tag stays");
    }
}
