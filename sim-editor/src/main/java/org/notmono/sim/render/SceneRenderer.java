package org.notmono.sim.render;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.notmono.sim.room.DecayAnalysis;
import org.notmono.sim.room.RoomSimulator;
import org.notmono.sim.scene.Scene;
import org.notmono.sim.scene.SceneJson;
import org.notmono.task.TaskContext;

/**
 * Renders a scene to FOA: each source's dry clip convolved with its RIR, scaled by its gain,
 * placed at its onset, cut at the scene's end; then the diffuse background.
 */
public final class SceneRenderer {
    private final ClipLoader clips;

    public SceneRenderer(ClipLoader clips) {
        this.clips = clips;
    }

    public RenderedScene render(Scene scene, TaskContext task) throws IOException {
        int fs = scene.sampleRate();
        int frames = scene.frames();
        float[][] mix = new float[4][frames];
        List<RenderedScene.SourceTiming> timings = new ArrayList<>();
        double measured = Double.NaN;
        List<Scene.Source> sources = scene.sources();
        for (int i = 0; i < sources.size(); i++) {
            task.checkCancelled();
            task.progress((double) i / sources.size(), "source " + sources.get(i).id());
            Scene.Source s = sources.get(i);
            int onset = (int) Math.round(s.onset() * fs);
            float[] dry = clips.load(s.clip(), fs);
            int length = Math.max(0, Math.min(dry.length, frames - onset));
            float[] x = length == dry.length ? dry : Arrays.copyOf(dry, length);
            timings.add(new RenderedScene.SourceTiming(s.onset(), (onset + length) / (double) fs));
            float gain = (float) Math.pow(10, s.gainDb() / 20);
            float[][] first = RoomSimulator.foa(scene.rirRequest(s.positionAt(s.onset())));
            if (i == 0) {
                measured = measureRt60(first[0], fs);
            }
            if (length == 0) {
                continue;
            }
            if (s.isMoving()) {
                MovingSource.render(x, gain, n -> cut(RoomSimulator.foa(scene.rirRequest(s.positionAt((onset + n) / (double) fs))), frames),
                        mix, onset, fs);
            } else {
                new FftConvolver(cut(first, frames)).convolveAdd(x, gain, mix, onset);
            }
        }
        if (scene.background() != null) {
            DiffuseNoise.add(mix, scene.background().snrDb(), SceneJson.write(scene).hashCode());
        }
        task.progress(1, "rendered");
        return new RenderedScene(mix, timings, measured);
    }

    /** An RIR cut to the scene's length: later samples never reach the output. */
    private static float[][] cut(float[][] h, int frames) {
        if (h[0].length <= frames) {
            return h;
        }
        float[][] cut = new float[h.length][];
        for (int c = 0; c < h.length; c++) {
            cut[c] = Arrays.copyOf(h[c], frames);
        }
        return cut;
    }

    private static double measureRt60(float[] w, int fs) {
        double t30 = DecayAnalysis.t30(w, fs);
        return Double.isNaN(t30) ? DecayAnalysis.t20(w, fs) : t30;
    }
}
