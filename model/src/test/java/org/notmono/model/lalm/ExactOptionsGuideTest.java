package org.notmono.model.lalm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.notmono.model.generate.TokenGuide;
import org.notmono.model.tokenizer.TextTokenizer;

class ExactOptionsGuideTest {
    private static final List<String> OPTIONS = List.of("In front of you, about 2 m away", "To your left, about 2 m away",
            "Behind you, about 5 m away", "To your right, about 0.5 m away");
    private static TextTokenizer tokenizer;

    @BeforeAll
    static void load() throws Exception {
        Path dir = ShippedLalm.extract().orElseThrow();
        tokenizer = TextTokenizer.load(dir.resolve("tokenizer.json"));
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    /** Feeds the guide the text as a generator would, token by token, until it stops forcing. */
    private static long[] forcedAfter(TokenGuide.Sequence guide, String text) {
        List<Long> forced = new ArrayList<>();
        String now = text;
        for (long id = guide.next(now); id >= 0; id = guide.next(now)) {
            forced.add(id);
            now = text + tokenizer.decode(forced.stream().mapToLong(Long::longValue).toArray());
        }
        return forced.stream().mapToLong(Long::longValue).toArray();
    }

    @Test
    void anOptionLineGetsThePromptsOptionTokenForTokenThenTheModelJudges() {
        TokenGuide.Sequence guide = new ExactOptionsGuide(tokenizer, OPTIONS).sequence();
        assertEquals(-1, guide.next("<think>I hear it to your left."), "free reasoning");
        long[] forced = forcedAfter(guide, "<think>I hear it to your left.\nB.");
        assertEquals(" To your left, about 2 m away -", tokenizer.decode(forced), "the option, then the dash its judgement opens with");
        // the same tokens a trained walk line has after its letter, up to the judgement's word
        long[] line = tokenizer.encode("\nB. To your left, about 2 m away -");
        long[] judged = tokenizer.encode("\nB. To your left, about 2 m away - no");
        assertArrayEquals(line, java.util.Arrays.copyOf(judged, line.length), "the dash is the judgement's own token");
        long[] head = tokenizer.encode("\nB.");
        assertArrayEquals(java.util.Arrays.copyOfRange(line, head.length, line.length), forced);
        assertEquals(-1, guide.next("<think>I hear it to your left.\nB. To your left, about 2 m away -"), "the judgement is the model's");
    }

    @Test
    void nothingIsForcedOutsideTheReasoningOrForALetterWithoutAnOption() {
        TokenGuide.Sequence guide = new ExactOptionsGuide(tokenizer, OPTIONS).sequence();
        assertEquals(-1, guide.next("<think>x\nA. In front of you - yes</think><answer>\nA."));
        assertEquals(-1, guide.next("<think>x\nE."));
        assertEquals(-1, guide.next("<think>x\nb."));
    }
}
