package org.notmono.sim.sources.music;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.audio.AudioClip;
import org.notmono.audio.SampleEncoding;
import org.notmono.audio.Wav;

class MusicGeneratorTest {

    private static MusicGenerator generator;

    @BeforeAll
    static void load() throws IOException {
        generator = MusicGenerator.fromAssets();
    }

    @Test
    void sameSeedGivesIdenticalBytes(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.wav");
        Path b = dir.resolve("b.wav");
        Wav.write(a, generator.generate(InstrumentFamily.PIANO, 42, 2.0, 16000), SampleEncoding.PCM_16);
        Wav.write(b, generator.generate(InstrumentFamily.PIANO, 42, 2.0, 16000), SampleEncoding.PCM_16);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void differentSeedsGiveDifferentMusic() throws IOException {
        for (InstrumentFamily family : new InstrumentFamily[] {InstrumentFamily.GUITAR, InstrumentFamily.DRUMS}) {
            AudioClip one = generator.generate(family, 1, 2.0, 16000);
            AudioClip two = generator.generate(family, 2, 2.0, 16000);
            assertFalse(Arrays.equals(one.channels()[0], two.channels()[0]), family + ": seeds 1 and 2 sound the same");
            assertNotEquals(new MusicComposer().compose(family, 1, 2.0), new MusicComposer().compose(family, 2, 2.0));
        }
    }

    @Test
    void everyFamilyRendersAudibleMonoOfTheAskedLength() throws IOException {
        for (InstrumentFamily family : InstrumentFamily.values()) {
            AudioClip clip = generator.generate(family, 7, 1.5, 16000);
            assertEquals(1, clip.channelCount());
            assertEquals(24000, clip.frames());
            double peak = 0;
            for (float v : clip.channels()[0]) {
                peak = Math.max(peak, Math.abs(v));
            }
            assertTrue(peak > 0.01, family + " is silent");
        }
    }

    @Test
    void gervillWritesNothingIntoTheHome() throws IOException {
        generator.generate(InstrumentFamily.ORGAN, 3, 1.5, 16000);
        assertFalse(Files.exists(Path.of(System.getProperty("user.home"), ".gervill")),
                "Gervill created ~/.gervill (its emergency soundbank)");
    }
}
