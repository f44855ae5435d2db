package org.notmono.viewer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.sim.scene.ClipTruth;
import org.notmono.sim.scene.RtsdJson;

class RoomResponseTest {
    @TempDir
    Path dir;

    @Test
    void recomputesTheRirOfTheFirstSourceFromTheRtsd() throws IOException {
        SimulatedScenes.Rendered scene = SimulatedScenes.render(21, 1, 0.5, 0.5);
        Path rtsd = dir.resolve("x.rtsd.json");
        Files.writeString(rtsd, RtsdJson.pretty(scene.truth()));
        RoomResponse r = RoomResponse.fromRtsd(ClipTruth.read(rtsd));
        assertEquals(4, r.rir().length);
        int peak = 0;
        for (int i = 0; i < r.rir()[0].length; i++) {
            if (Math.abs(r.rir()[0][i]) > Math.abs(r.rir()[0][peak])) {
                peak = i;
            }
        }
        double distance = scene.truth().sources().getFirst().distance();
        assertEquals(distance / 343 * 16000 + 40, peak, 1.5, "the direct path arrives at d/c (+40 samples)");
        assertEquals(0.5, r.sabine(), 0.01, "the scene's RT60 was given for Sabine");
        assertTrue(r.t30() > 0.3 && r.t30() < 0.7, "T30 " + r.t30());
        assertEquals(0, r.decayDb()[0], 1e-9);
    }

    @Test
    void aMissingFieldIsNamed() throws IOException {
        Path rtsd = dir.resolve("bad.rtsd.json");
        Files.writeString(rtsd, "{\"format\": \"notmono.rtsd/1\", \"sampleRate\": 16000, \"room\": {\"size\": [6, 5]}}");
        IOException e = assertThrows(IOException.class, () -> RoomResponse.fromRtsd(ClipTruth.read(rtsd)));
        assertEquals("bad.rtsd.json: $.room.size[2]: expected a number", e.getMessage());
    }
}
