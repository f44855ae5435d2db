package org.notmono.viewer.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.notmono.audio.AudioClip;

class WaveformRendererTest {
    private static final int BG = 0xff000000;
    private static final int WAVE = 0xffffffff;

    @Test
    void eachColumnSpansTheSamplesMinToMax() {
        int rate = 16000;
        float[] x = new float[rate]; // 1 s: silence, then a 0.5-amplitude square wave, then +1 DC
        for (int i = rate / 3; i < 2 * rate / 3; i++) {
            x[i] = (i / 8) % 2 == 0 ? 0.5f : -0.5f;
        }
        for (int i = 2 * rate / 3; i < rate; i++) {
            x[i] = 1f;
        }
        AudioClip clip = new AudioClip(rate, new float[][] {x});
        int w = 90;
        int h = 101;
        int[] p = WaveformRenderer.render(clip, WaveformSummary.of(clip), 0, 0, 1, w, h, BG, WAVE);
        assertArrayEquals(new int[] {50, 50}, column(p, w, h, 10), "silence: the middle row only");
        assertArrayEquals(new int[] {25, 75}, column(p, w, h, 45), "+-0.5: a quarter of the height either side");
        assertArrayEquals(new int[] {0, 0}, column(p, w, h, 80), "+1: the top row");
    }

    @Test
    void theVisibleSpanIsWhatIsDrawn() {
        int rate = 1000;
        float[] x = new float[2 * rate];
        x[1500] = -1f; // one click in the second second
        AudioClip clip = new AudioClip(rate, new float[][] {x});
        int[] first = WaveformRenderer.render(clip, WaveformSummary.of(clip), 0, 0, 1, 100, 21, BG, WAVE);
        int[] second = WaveformRenderer.render(clip, WaveformSummary.of(clip), 0, 1, 2, 100, 21, BG, WAVE);
        for (int px = 0; px < 100; px++) {
            assertEquals(10, column(first, 100, 21, px)[1], "no click in the first second");
        }
        assertArrayEquals(new int[] {10, 20}, column(second, 100, 21, 50), "the click at 1.5 s, mid-pane, reaches the bottom");
    }

    /** The first and last wave rows of a column. */
    private static int[] column(int[] pixels, int w, int h, int px) {
        int first = -1;
        int last = -1;
        for (int y = 0; y < h; y++) {
            if (pixels[y * w + px] == WAVE) {
                first = first < 0 ? y : first;
                last = y;
            }
        }
        return new int[] {first, last};
    }
}
