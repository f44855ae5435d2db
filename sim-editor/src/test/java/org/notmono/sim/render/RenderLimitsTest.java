package org.notmono.sim.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.audio.AudioClip;
import org.notmono.audio.AudioFileException;
import org.notmono.audio.Resampler;
import org.notmono.audio.SampleEncoding;
import org.notmono.audio.Wav;
import org.notmono.cli.InputException;
import org.notmono.sim.room.Absorption;
import org.notmono.sim.room.Orientation;
import org.notmono.sim.room.Point3;
import org.notmono.sim.room.Shoebox;
import org.notmono.sim.room.TailModel;
import org.notmono.sim.scene.Scene;
import org.notmono.sim.sources.TestSignalLibrary;
import org.notmono.task.TaskContext;

/** Inputs that once hung the renderer, ran it out of memory or made it write infinities (issue 17). */
class RenderLimitsTest {
    private static final Point3 SOURCE = new Point3(2, 3, 1.5);

    @TempDir
    Path dir;

    private static Scene scene(int fs, double duration, Scene.Source source) {
        return new Scene(fs, duration, new Scene.Room(new Shoebox(6, 5, 3), Absorption.uniform(0.3), null, 3, TailModel.NONE),
                new Scene.Receiver(new Point3(4, 2, 1.7), Orientation.FRONT), List.of(source), null);
    }

    private static Scene.Source source(String clip, double gainDb, double onset) {
        return new Scene.Source("s1", clip, null, gainDb, onset, SOURCE, null);
    }

    private RenderedScene render(Scene s) throws IOException {
        return new SceneRenderer(new ClipLoader(new TestSignalLibrary(), dir)).render(s, TaskContext.none());
    }

    @Test
    void aLongClipIsReadAndResampledOnlyAsFarAsTheSceneNeedsIt() throws IOException {
        int rate = 1000;
        float[] x = new float[60 * rate];
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.1 * r.nextGaussian());
        }
        Wav.write(dir.resolve("long.wav"), AudioClip.mono(rate, x), SampleEncoding.FLOAT_32);
        float[] part = new ClipLoader(new TestSignalLibrary(), dir).load("long.wav", 16000, 0.5);
        assertTrue(part.length <= 0.6 * 16000 + 16, "loaded " + part.length + " samples for 0.5 s");
        float[] whole = Resampler.resample(x, rate, 16000);
        // the loader removes the loaded part's DC, so compare sample-to-sample steps, which an offset leaves alone
        for (int i = 0; i < 8000; i++) {
            assertEquals(whole[i + 1] - whole[i], part[i + 1] - part[i], 1e-6, "sample " + i + " must not see the cut");
        }
    }

    @Test
    void aSceneTooLargeForMemoryIsRefusedBeforeAllocating() {
        Scene huge = scene(384000, 3600, source("test:music/violin", 0, 0));
        InputException e = assertThrows(InputException.class, () -> render(huge));
        assertTrue(e.getMessage().startsWith("rendering 3600 s at 384000 Hz needs about 66.4 GB"), e.getMessage());
    }

    @Test
    void aMixThatOverflowsFloatIsRefusedNotWritten() throws IOException {
        float[] loud = new float[1000];
        for (int i = 0; i < loud.length; i++) {
            loud[i] = i % 2 == 0 ? 3e38f : -3e38f; // zero mean: the loader's DC removal leaves it as loud
        }
        Wav.write(dir.resolve("loud.wav"), AudioClip.mono(16000, loud), SampleEncoding.FLOAT_32);
        InputException e = assertThrows(InputException.class, () -> render(scene(16000, 0.5, source("loud.wav", 60, 0))));
        assertTrue(e.getMessage().startsWith("the mix overflows at"), e.getMessage());
    }

    @Test
    void anOnsetFarPastTheEndPlaysNothing() throws IOException {
        RenderedScene out = render(scene(16000, 0.5, source("test:music/violin", 0, 1e308)));
        for (float[] row : out.audio()) {
            for (float v : row) {
                assertEquals(0f, v);
            }
        }
        assertEquals(0.5, out.sources().getFirst().offset(), 1e-12);
    }

    @Test
    void aClipPathWithANulIsAClipErrorNotAnInternalOne() {
        AudioFileException e = assertThrows(AudioFileException.class, () -> render(scene(16000, 0.5, source("a\0b.wav", 0, 0))));
        assertTrue(e.getMessage().contains("not a usable file path"), e.getMessage());
    }

    @Test
    void aFolderGivenAsClipIsNamedAsSuch() {
        AudioFileException e = assertThrows(AudioFileException.class, () -> render(scene(16000, 0.5, source(".", 0, 0))));
        assertTrue(e.getMessage().contains("is a folder, not a WAV file"), e.getMessage());
    }
}
