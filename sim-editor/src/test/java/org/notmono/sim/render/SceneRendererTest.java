package org.notmono.sim.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.audio.AudioClip;
import org.notmono.audio.AudioFileException;
import org.notmono.audio.SampleEncoding;
import org.notmono.audio.Wav;
import org.notmono.sim.room.Absorption;
import org.notmono.sim.room.Orientation;
import org.notmono.sim.room.Point3;
import org.notmono.sim.room.RoomSimulator;
import org.notmono.sim.room.Shoebox;
import org.notmono.sim.room.TailModel;
import org.notmono.sim.scene.Scene;
import org.notmono.sim.sources.TestSignalLibrary;
import org.notmono.task.TaskContext;

class SceneRendererTest {
    private static final int FS = 16000;
    private static final Point3 RECEIVER = new Point3(4, 2, 1.7);

    @TempDir
    Path dir;

    static Scene scene(double duration, List<Scene.Source> sources, Scene.Background background) {
        return new Scene(FS, duration, new Scene.Room(new Shoebox(6, 5, 3), Absorption.uniform(0.3), null, 10, TailModel.NONE),
                new Scene.Receiver(RECEIVER, Orientation.FRONT), sources, background);
    }

    private SceneRenderer renderer() {
        return new SceneRenderer(new ClipLoader(new TestSignalLibrary(), dir));
    }

    @Test
    void impulseClipGivesTheRirScaledAndDelayed() throws IOException {
        // a user clip loses its DC at load: the 100-sample click becomes 1 - 0.01 then -0.01 x 99
        float[] impulse = new float[100];
        impulse[0] = 1;
        Wav.write(dir.resolve("click.wav"), AudioClip.mono(FS, impulse), SampleEncoding.FLOAT_32);
        Point3 pos = new Point3(2, 3, 1.5);
        Scene s = scene(1.0, List.of(new Scene.Source("s1", "click.wav", "click", -6, 0.25, pos, null)), null);
        RenderedScene out = renderer().render(s, TaskContext.none());
        float[][] rir = RoomSimulator.foa(s.rirRequest(pos));
        double gain = Math.pow(10, -6 / 20.0);
        int onset = 4000;
        for (int c = 0; c < 4; c++) {
            for (int i = 0; i < FS; i++) {
                double expected = 0;
                for (int k = 0; k < impulse.length; k++) {
                    int j = i - onset - k;
                    if (j >= 0 && j < rir[c].length) {
                        expected += gain * (impulse[k] - 0.01) * rir[c][j];
                    }
                }
                assertEquals(expected, out.audio()[c][i], 1e-5, "channel " + c + " sample " + i);
            }
        }
        assertEquals(0.25, out.sources().getFirst().onset(), 1e-12);
        assertEquals(0.25 + 100.0 / FS, out.sources().getFirst().offset(), 1e-12);
    }

    @Test
    void clipsAtOtherRatesAreResampled() throws IOException {
        double[] energies = new double[2];
        int[] rates = {16000, 44100};
        for (int k = 0; k < 2; k++) {
            int rate = rates[k];
            float[] tone = new float[rate];
            for (int i = 0; i < tone.length; i++) {
                tone[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / rate));
            }
            Wav.write(dir.resolve("tone" + rate + ".wav"), AudioClip.mono(rate, tone), SampleEncoding.PCM_16);
            Scene s = scene(1.5, List.of(new Scene.Source("s1", "tone" + rate + ".wav", null, 0, 0, new Point3(2, 3, 1.5), null)), null);
            float[] w = renderer().render(s, TaskContext.none()).audio()[0];
            for (float v : w) {
                energies[k] += v * v;
            }
        }
        assertEquals(1.0, energies[1] / energies[0], 0.02);
    }

    @Test
    void clipsLongerThanTheSceneAreCut() throws IOException {
        Scene s = scene(0.5, List.of(new Scene.Source("s1", "test:music/violin", "violin", 0, 0.2, new Point3(2, 3, 1.5), null)), null);
        RenderedScene out = renderer().render(s, TaskContext.none());
        assertEquals(8000, out.audio()[0].length);
        assertEquals(0.5, out.sources().getFirst().offset(), 1e-12);
    }

    @Test
    void backgroundNoiseHasTheAskedSnr() throws IOException {
        Scene.Source src = new Scene.Source("s1", "test:environmental/engine", "engine", 0, 0, new Point3(2, 3, 1.5), null);
        float[] clean = renderer().render(scene(2, List.of(src), null), TaskContext.none()).audio()[0];
        float[][] noisy = renderer().render(scene(2, List.of(src), new Scene.Background("diffuse-noise", 10)), TaskContext.none()).audio();
        double ps = 0, pn = 0, px = 0;
        for (int i = 0; i < clean.length; i++) {
            ps += clean[i] * clean[i];
            double n = noisy[0][i] - clean[i];
            pn += n * n;
            px += noisy[3][i] * noisy[3][i];
        }
        assertEquals(10, 10 * Math.log10(ps / pn), 0.2);
        assertTrue(px > 0.2 * pn, "X carries diffuse noise too");
    }

    @Test
    void missingAndNonAudioClipsAreClearErrors() throws IOException {
        Scene missing = scene(1, List.of(new Scene.Source("s1", "nothere.wav", null, 0, 0, new Point3(2, 3, 1.5), null)), null);
        AudioFileException e = assertThrows(AudioFileException.class, () -> renderer().render(missing, TaskContext.none()));
        assertTrue(e.getMessage().contains("nothere.wav"), e.getMessage());
        Files.writeString(dir.resolve("notes.wav"), "these are my notes, not audio");
        Scene text = scene(1, List.of(new Scene.Source("s1", "notes.wav", null, 0, 0, new Point3(2, 3, 1.5), null)), null);
        AudioFileException e2 = assertThrows(AudioFileException.class, () -> renderer().render(text, TaskContext.none()));
        assertTrue(e2.getMessage().contains("notes.wav"), e2.getMessage());
        Scene asset = scene(1, List.of(new Scene.Source("s1", "assets:nope/none.wav", null, 0, 0, new Point3(2, 3, 1.5), null)), null);
        AudioFileException e3 = assertThrows(AudioFileException.class, () -> renderer().render(asset, TaskContext.none()));
        assertTrue(e3.getMessage().contains("assets:nope/none.wav"), e3.getMessage());
    }

    @Test
    void movingSourceHasNoClicks() throws IOException {
        double f = 300;
        float[] tone = new float[3 * FS];
        for (int i = 0; i < tone.length; i++) {
            double fade = Math.sin(Math.PI * i / tone.length);
            tone[i] = (float) (0.5 * fade * Math.sin(2 * Math.PI * f * i / FS));
        }
        Wav.write(dir.resolve("tone.wav"), AudioClip.mono(FS, tone), SampleEncoding.FLOAT_32);
        Scene s = scene(3, List.of(new Scene.Source("s1", "tone.wav", null, 0, 0, null, List.of(
                new Scene.Keyframe(0, new Point3(1, 1, 1.5)), new Scene.Keyframe(3, new Point3(5, 4.5, 1.2))))), null);
        float[][] y = renderer().render(s, TaskContext.none()).audio();
        for (int c = 0; c < 4; c++) {
            double peak = 0, jump = 0;
            for (int i = 1; i < y[c].length; i++) {
                peak = Math.max(peak, Math.abs(y[c][i]));
                jump = Math.max(jump, Math.abs(y[c][i] - y[c][i - 1]));
            }
            // a (slowly varying) 300 Hz sinusoid moves at most 2 sin(pi f / fs) x its amplitude per sample
            double bound = 2 * Math.sin(Math.PI * f / FS) * peak;
            // hard switching between RIRs (no crossfade) reaches 1.16 to 1.48 here; the crossfade stays at 1.0
            assertTrue(jump <= 1.1 * bound, "channel " + c + ": jump " + jump + " > 1.1 x " + bound);
        }
    }
}
