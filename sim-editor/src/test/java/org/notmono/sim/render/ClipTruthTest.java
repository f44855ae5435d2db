package org.notmono.sim.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.audio.SampleEncoding;
import org.notmono.sim.scene.ClipTruth;
import org.notmono.sim.scene.Rtsd;
import org.notmono.sim.scene.RtsdJson;

/** A clip's ground truth found where renders, datasets and benchmarks keep it, and read back whole. */
class ClipTruthTest {
    @TempDir
    Path dir;

    @Test
    void aRenderedClipsTruthIsTheFileBesideIt() throws IOException {
        TwoSourceRender render = TwoSourceRender.write(dir, 7L, 3L, SampleEncoding.PCM_16);
        ClipTruth truth = ClipTruth.find(render.wav()).orElseThrow();
        assertEquals(RtsdJson.besides(render.wav()).getFileName().toString(), truth.origin());
        assertSameScene(render.rtsd(), truth.rtsd());
    }

    @Test
    void aDatasetClipsTruthIsItsLineOfTheShardsRtsdJsonl() throws IOException {
        TwoSourceRender render = TwoSourceRender.write(dir, 21L, 17L, SampleEncoding.PCM_16);
        Path shard = Files.createDirectories(dir.resolve("train").resolve("shard-00000"));
        Path clip = Files.copy(render.wav(), shard.resolve("00000017.wav"));
        Files.writeString(shard.resolve("rtsd.jsonl"), line(render.rtsd(), 16) + "\n\n" + RtsdJson.line(render.rtsd()) + "\n"
                + line(render.rtsd(), 18) + "\n");
        ClipTruth truth = ClipTruth.find(clip).orElseThrow();
        assertEquals("shard-00000/rtsd.jsonl line 3", truth.origin());
        assertEquals(17L, truth.rtsd().index());
        assertSameScene(render.rtsd(), truth.rtsd());
        assertEquals(Optional.empty(), ClipTruth.find(Files.copy(clip, shard.resolve("00000019.wav"))), "no line has index 19");
        assertEquals(Optional.empty(), ClipTruth.find(Files.copy(clip, shard.resolve("take-17.wav"))), "not a numbered clip");
    }

    @Test
    void aBenchmarkClipsTruthIsItsLineOfTheBenchmarksRtsdJsonlAboveClips() throws IOException {
        TwoSourceRender render = TwoSourceRender.write(dir, 100000L, 4L, SampleEncoding.PCM_16);
        Path clips = Files.createDirectories(dir.resolve("asa-s100000").resolve("clips"));
        Path clip = Files.copy(render.wav(), clips.resolve("00000004.wav"));
        Files.writeString(clips.resolveSibling("rtsd.jsonl"), line(render.rtsd(), 2) + "\n" + RtsdJson.line(render.rtsd()) + "\n");
        ClipTruth truth = ClipTruth.find(clip).orElseThrow();
        assertEquals("asa-s100000/rtsd.jsonl line 2", truth.origin());
        assertSameScene(render.rtsd(), truth.rtsd());
    }

    @Test
    void aBrokenLineIsNamedWhenNoLineIsTheClips() throws IOException {
        TwoSourceRender render = TwoSourceRender.write(dir, 5L, 1L, SampleEncoding.PCM_16);
        Path shard = Files.createDirectories(dir.resolve("shard-00003"));
        Path clip = Files.copy(render.wav(), shard.resolve("00000001.wav"));
        Files.writeString(shard.resolve("rtsd.jsonl"), line(render.rtsd(), 0) + "\n{\"format\": \"notmono.rtsd/1\", \"ind\n");
        IOException e = assertThrows(IOException.class, () -> ClipTruth.find(clip));
        assertTrue(e.getMessage().startsWith("shard-00003/rtsd.jsonl line 2 is not JSON, so the ground truth of clip 00000001"),
                e.getMessage());
        // the clip's own line is found past a broken one
        Files.writeString(shard.resolve("rtsd.jsonl"), "not json\n" + RtsdJson.line(render.rtsd()) + "\n");
        assertEquals("shard-00003/rtsd.jsonl line 2", ClipTruth.find(clip).orElseThrow().origin());
    }

    @Test
    void aLineThatIsNotAnRtsdIsNamedWithItsPath() throws IOException {
        TwoSourceRender render = TwoSourceRender.write(dir, 5L, 2L, SampleEncoding.PCM_16);
        Path shard = Files.createDirectories(dir.resolve("shard-00001"));
        Path clip = Files.copy(render.wav(), shard.resolve("00000002.wav"));
        ObjectNode noReceiver = RtsdJson.toJson(render.rtsd());
        noReceiver.remove("receiver");
        Files.writeString(shard.resolve("rtsd.jsonl"), noReceiver + "\n");
        IOException e = assertThrows(IOException.class, () -> ClipTruth.find(clip).orElseThrow().rtsd());
        assertTrue(e.getMessage().startsWith("shard-00001/rtsd.jsonl line 1: "), e.getMessage());
        assertTrue(e.getMessage().contains("receiver"), e.getMessage());
    }

    /** The RTSD's JSON line with another index: another scene of the same folder. */
    private static String line(Rtsd rtsd, long index) {
        return RtsdJson.toJson(rtsd).put("index", index).toString();
    }

    private static void assertSameScene(Rtsd expected, Rtsd read) {
        assertEquals(expected.id(), read.id());
        assertEquals(expected.index(), read.index());
        assertEquals(expected.receiver(), read.receiver());
        assertEquals(expected.sources().size(), read.sources().size());
        for (int i = 0; i < expected.sources().size(); i++) {
            assertEquals(expected.sources().get(i).classId(), read.sources().get(i).classId());
            assertEquals(expected.sources().get(i).azimuth(), read.sources().get(i).azimuth(), 0.005);
        }
    }
}
