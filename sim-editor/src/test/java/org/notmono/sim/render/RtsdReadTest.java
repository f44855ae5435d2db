package org.notmono.sim.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.audio.SampleEncoding;
import org.notmono.sim.room.Point3;
import org.notmono.sim.scene.Rtsd;
import org.notmono.sim.scene.RtsdJson;
import org.notmono.sim.scene.Scene;
import org.notmono.sim.scene.SceneException;
import org.notmono.sim.sources.TestSignalLibrary;
import org.notmono.task.TaskContext;

/** The RTSD a render writes reads back to the same record (up to the file's rounding). */
class RtsdReadTest {
    @TempDir
    Path dir;

    @Test
    void aRenderedRtsdReadsBackFieldByField() throws IOException {
        TwoSourceRender render = TwoSourceRender.write(dir, 7L, 3L, SampleEncoding.PCM_16);
        Rtsd written = render.rtsd();

        Rtsd read = RtsdJson.read(RtsdJson.besides(render.wav()));
        assertEquals(written.id(), read.id());
        assertEquals(7L, read.seed());
        assertEquals(3L, read.index());
        assertEquals(written.sampleRate(), read.sampleRate());
        assertEquals(written.duration(), read.duration());
        assertEquals(written.text(), read.text());
        assertArrayEquals(written.room().size(), read.room().size());
        assertEquals(written.room().absorption(), read.room().absorption());
        assertEquals(written.room().rt60Eyring(), read.room().rt60Eyring(), 1e-4);
        assertEquals(written.room().category(), read.room().category());
        assertEquals(written.receiver(), read.receiver());
        assertEquals(written.sources().size(), read.sources().size());
        for (int i = 0; i < written.sources().size(); i++) {
            Rtsd.Source w = written.sources().get(i);
            Rtsd.Source g = read.sources().get(i);
            assertEquals(w.id(), g.id());
            assertEquals(w.classId(), g.classId());
            assertEquals(w.family(), g.family());
            assertEquals(w.position(), g.position());
            assertEquals(w.azimuth(), g.azimuth(), 0.005);
            assertEquals(w.distance(), g.distance(), 0.0005);
            assertEquals(w.onset(), g.onset(), 1e-4);
            assertEquals(w.track().size(), g.track().size());
        }
        // the file itself is a fixed point: written again it gives the same text
        assertEquals(Files.readString(dir.resolve("demo.rtsd.json")), RtsdJson.pretty(read));
    }

    @Test
    void problemsNameTheJsonPathAndNewerFieldsAreTolerated() throws IOException {
        Path file = dir.resolve("x.rtsd.json");
        Files.writeString(file, "{\"format\": \"notmono.rtsd/9\"}");
        IOException e = assertThrows(IOException.class, () -> RtsdJson.read(file));
        assertTrue(e.getMessage().startsWith("x.rtsd.json: format"), e.getMessage());
        SceneException missing = assertThrows(SceneException.class, () -> RtsdJson.parse(
                "{\"format\": \"notmono.rtsd/1\", \"id\": \"a\", \"sampleRate\": 16000, \"duration\": 1, \"theme\": \"kitchen\","
                        + "\"receiver\": {\"position\": [1, 1, 1]}, \"room\": {\"size\": [3, 3, 3]}}"));
        assertTrue(missing.getMessage().startsWith("room.absorption"), missing.getMessage());
        assertNull(RtsdJson.parse(RtsdJson.line(sample())).seed(), "a hand-made scene has no seed");
    }

    private Rtsd sample() throws IOException {
        ClipLoader clips = new ClipLoader(new TestSignalLibrary(), dir);
        Scene s = SceneRendererTest.scene(0.5, List.of(
                new Scene.Source("s1", "test:speech/female_speech", "female_speech", 0, 0, new Point3(2, 3, 1.5), null)), null);
        return new RtsdBuilder(clips).build("one", null, null, s, new SceneRenderer(clips).render(s, TaskContext.none()));
    }
}
