package org.notmono.sim.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.audio.AudioClip;
import org.notmono.audio.SampleEncoding;
import org.notmono.audio.Wav;
import org.notmono.cli.InputException;

class RenderOutputTest {
    @TempDir
    Path dir;

    @Test
    void writesWavAndRtsdBeside() throws IOException {
        Path wav = TwoSourceRender.write(dir, null, null, SampleEncoding.PCM_24).wav();
        AudioClip back = Wav.read(wav);
        assertEquals(4, back.channelCount());
        assertEquals(16000, back.frames());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("demo.rtsd.json").toFile());
        assertEquals("notmono.rtsd/1", json.get("format").asText());
        JsonNode s1 = json.get("sources").get(0);
        // source at (2,3,1.5) seen from (4,2,1.7): behind-left
        assertEquals(Math.toDegrees(Math.atan2(1, -2)), s1.get("azimuth").asDouble(), 0.01);
        assertEquals("speech", s1.get("family").asText());
        assertEquals(-2.0, s1.get("levelDb").asDouble());
        assertTrue(json.get("sources").get(1).get("track").size() >= 10, "moving source has a 100 ms track");
        assertEquals(0.3, json.get("room").get("meanAbsorption").asDouble(), 1e-9);
        assertTrue(json.get("text").asText().startsWith("A medium-sized, moderately reverberant room (6 x 5 x 3 m"),
                json.get("text").asText());
    }

    @Test
    void outputFolderThatCannotTakeTheFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        InputException e = assertThrows(InputException.class, () -> RenderOutput.checkWritable(file.resolve("x.wav")));
        assertTrue(e.getMessage().contains("is a file, not a folder"), e.getMessage());
        InputException e2 = assertThrows(InputException.class, () -> RenderOutput.checkWritable(dir.resolve("missing/x.wav")));
        assertTrue(e2.getMessage().contains("does not exist"), e2.getMessage());
    }

    @Test
    void failedTextWriteLeavesNothing() {
        Path target = dir.resolve("missing").resolve("a.rtsd.json");
        assertThrows(InputException.class, () -> RenderOutput.writeAtomically(target, "{}"));
        assertFalse(Files.exists(dir.resolve("missing")));
    }
}
