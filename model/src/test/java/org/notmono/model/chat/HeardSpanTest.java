package org.notmono.model.chat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.notmono.audio.AudioClip;

/** The span a model hears of a clip: the whole of a short clip, else the loudest window, and exactly its samples. */
class HeardSpanTest {
    private static final int RATE = 1000;

    /** Four channels of {@code seconds} of a quiet constant (channel c holds 0.01 (c + 1)), W at 1 in {@code [from, to)} s. */
    private static AudioClip clip(double seconds, double from, double to) {
        int n = (int) Math.round(seconds * RATE);
        float[][] x = new float[4][n];
        for (int c = 0; c < 4; c++) {
            Arrays.fill(x[c], 0.01f * (c + 1));
        }
        for (int i = (int) Math.round(from * RATE); i < Math.round(to * RATE); i++) {
            x[0][i] = 1f;
        }
        return new AudioClip(RATE, x);
    }

    @Test
    void aClipThatFitsTheWindowIsHeardWholeAndNotCopied() {
        AudioClip short3 = clip(3, 1, 2);
        HeardSpan span = HeardSpan.loudest(short3, 4);
        assertEquals(new HeardSpan(0, 3, 3), span);
        assertTrue(span.whole());
        assertSame(short3, span.cut(short3));
    }

    @Test
    void aLongClipIsHeardInItsLoudestWindowOnTheOneSecondGrid() {
        AudioClip long10 = clip(10, 5.2, 5.8);
        Arrays.fill(long10.channel(0), 8500, 8900, 0.5f); // a quieter burst only the window from 5 s also holds
        HeardSpan span = HeardSpan.loudest(long10, 4);
        assertEquals(new HeardSpan(5, 9, 10), span);
        assertFalse(span.whole());
        AudioClip heard = span.cut(long10);
        assertEquals(4 * RATE, heard.frames());
        for (int c = 0; c < 4; c++) {
            assertArrayEquals(Arrays.copyOfRange(long10.channel(c), 5 * RATE, 9 * RATE), heard.channel(c), "channel " + c);
        }
    }

    @Test
    void aBurstInTheLastPartialSecondIsHeardInTheWindowEndingAtTheClipsEnd() {
        AudioClip clip = clip(10.3, 10.0, 10.3);
        HeardSpan span = HeardSpan.loudest(clip, 4);
        assertEquals(6.3, span.start(), 1e-9);
        assertEquals(10.3, span.end(), 1e-9);
        AudioClip heard = span.cut(clip);
        assertEquals(4 * RATE, heard.frames());
        assertArrayEquals(Arrays.copyOfRange(clip.channel(0), 6300, 10300), heard.channel(0), "its last sample is the clip's");
    }
}
