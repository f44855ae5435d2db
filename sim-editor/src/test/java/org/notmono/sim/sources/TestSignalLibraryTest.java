package org.notmono.sim.sources;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.notmono.audio.AudioClip;

class TestSignalLibraryTest {

    @Test
    void everyClipIsDeterministicAudibleAndOfItsDuration() {
        TestSignalLibrary lib = new TestSignalLibrary();
        for (SourceFamily f : SourceFamily.values()) {
            assertTrue(!lib.clips(f).isEmpty(), "family " + f);
        }
        for (ClipInfo c : lib.clips()) {
            AudioClip a = lib.load(c, 16000);
            assertArrayEquals(a.channel(0), new TestSignalLibrary().load(c, 16000).channel(0), c.ref());
            assertEquals(c.duration(), a.duration(), 1e-3, c.ref());
            double rms = 0;
            float peak = 0;
            for (float v : a.channel(0)) {
                rms += v * v;
                peak = Math.max(peak, Math.abs(v));
            }
            rms = Math.sqrt(rms / a.frames());
            assertTrue(rms > 0.01 && peak <= 0.5 + 1e-6, c.ref() + " rms " + rms + " peak " + peak);
            assertEquals(24000 * c.duration(), lib.load(c, 24000).frames(), 1, "rendered natively at any rate");
        }
    }
}
