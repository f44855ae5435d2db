package org.notmono.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.task.TaskContext;

class AudioStatsTest {
    @TempDir
    Path dir;

    @Test
    void peakAndRmsOfKnownSignals() throws IOException {
        int n = 100_000; // several blocks
        float[][] x = new float[2][n];
        for (int i = 0; i < n; i++) {
            x[0][i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / 48000.0));
            x[1][i] = i % 2 == 0 ? 0.25f : -0.25f;
        }
        Path f = dir.resolve("s.wav");
        Wav.write(f, new AudioClip(48000, x), SampleEncoding.FLOAT_32);
        AudioStats s = AudioStats.scan(f, TaskContext.none());
        assertEquals(20 * Math.log10(0.5), s.peakDb()[0], 1e-3);
        assertEquals(20 * Math.log10(0.5 / Math.sqrt(2)), s.rmsDb()[0], 1e-2);
        assertEquals(20 * Math.log10(0.25), s.rmsDb()[1], 1e-6);
        assertEquals(20 * Math.log10(0.5), s.maxPeakDb(), 1e-3);
        assertEquals("2 ch, 48000 Hz, 32-bit float, 2.083 s, peak -6.0 dBFS", s.describe());
    }
}
