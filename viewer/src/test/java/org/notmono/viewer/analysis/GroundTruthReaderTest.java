package org.notmono.viewer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.sim.scene.ClipTruth;
import org.notmono.sim.scene.RtsdJson;
import org.notmono.sim.scene.metrics.TruthSource;

class GroundTruthReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsSourcesAndTheTracksOfMovingOnes() throws IOException {
        Path rtsd = dir.resolve("x.rtsd.json");
        Files.writeString(rtsd, """
                {"format": "notmono.rtsd/1", "sources": [
                  {"id": "s1", "class": "dog_bark", "azimuth": 10, "elevation": 0, "distance": 2},
                  {"id": "s2", "class": null, "azimuth": 0, "elevation": 5, "distance": 3,
                   "track": [{"t": 0.0, "azimuth": 0, "elevation": 5, "distance": 3},
                             {"t": 0.1, "azimuth": 20, "elevation": 5, "distance": 3.1}]}]}
                """);
        List<TruthSource> truth = GroundTruthReader.read(ClipTruth.read(rtsd));
        assertEquals(List.of(new TruthSource("s1", 10, 0, 2, "dog_bark"), new TruthSource("s2", 0, 5, 3, null)), truth);
        var tracks = GroundTruthReader.tracks(ClipTruth.read(rtsd));
        assertEquals(1, tracks.size());
        assertEquals(20, tracks.get("s2").at(truth.get(1), 0.09).azimuth());
        assertEquals(0, tracks.get("s2").at(truth.get(1), 0.02).azimuth());
        assertEquals(3.1, tracks.get("s2").at(truth.get(1), 5).distance());
        assertEquals(RtsdJson.besides(dir.resolve("x.wav")), rtsd);
    }

    @Test
    void refusesOtherFormatsAndNamesMissingFields() throws IOException {
        Path bad = dir.resolve("b.rtsd.json");
        Files.writeString(bad, "{\"format\": \"notmono.scene/1\"}");
        assertTrue(assertThrows(IOException.class, () -> GroundTruthReader.read(ClipTruth.read(bad))).getMessage().contains("notmono.rtsd/1"));
        Files.writeString(bad, "{\"format\": \"notmono.rtsd/1\", \"sources\": [{\"id\": \"s1\", \"azimuth\": 1, \"elevation\": 2}]}");
        assertEquals("b.rtsd.json: $.sources[0].distance: expected a number",
                assertThrows(IOException.class, () -> GroundTruthReader.read(ClipTruth.read(bad))).getMessage());
    }
}
