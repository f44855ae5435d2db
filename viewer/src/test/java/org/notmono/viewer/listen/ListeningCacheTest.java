package org.notmono.viewer.listen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.notmono.audio.AudioClip;
import org.notmono.sim.hrtf.SofaReader;

class ListeningCacheTest {

    private static AudioClip foa() {
        float[][] x = new float[4][8000];
        for (int c = 0; c < 4; c++) {
            for (int i = 0; i < x[c].length; i++) {
                x[c][i] = (float) (0.1 * Math.sin(i * 0.03 * (c + 1)));
            }
        }
        return new AudioClip(16000, x);
    }

    @Test
    void theHrtfIsReadOnceAndTheDecodeKeptUntilClipYawOrModeChange() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        ListeningCache cache = new ListeningCache(rate -> {
            reads.incrementAndGet();
            return SofaReader.kemar(rate);
        });
        AudioClip clip = foa();
        AudioClip first = cache.render(clip, 30, Listening.Mode.BINAURAL);
        assertSame(first, cache.render(clip, 30, Listening.Mode.BINAURAL), "play again: the same decode");
        assertEquals(1, reads.get());
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(Listening.render(clip, 30, Listening.Mode.BINAURAL).channel(c), first.channel(c),
                    "the cached decoder decodes as a fresh one");
        }
        AudioClip turned = cache.render(clip, 0, Listening.Mode.BINAURAL);
        assertNotSame(first, turned, "a new yaw decodes again");
        assertNotSame(turned, cache.render(clip, 0, Listening.Mode.STEREO), "so does a new mode");
        assertNotSame(turned, cache.render(foa(), 0, Listening.Mode.BINAURAL), "and a new clip");
        assertEquals(1, reads.get(), "but the HRTF is not read again");
        cache.render(new AudioClip(24000, foa().channels()), 0, Listening.Mode.BINAURAL);
        assertEquals(2, reads.get(), "another sample rate needs its own set");
    }
}
