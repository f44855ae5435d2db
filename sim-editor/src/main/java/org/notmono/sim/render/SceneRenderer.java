package org.notmono.sim.render;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;


import org.notmono.cli.InputException;
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
        checkMemory(scene);
        float[][] mix = new float[4][frames];
        List<RenderedScene.SourceTiming> timings = new ArrayList<>();
        double measured = Double.NaN;
        List<Scene.Source> sources = scene.sources();
        for (int i = 0; i < sources.size(); i++) {
            task.checkCancelled();
            task.progress((double) i / sources.size(), "source " + sources.get(i).id());
            Scene.Source s = sources.get(i);
            // an onset past the end (any finite number) plays nothing; long arithmetic cannot wrap
            int onset = (int) Math.min(frames, Math.round(s.onset() * fs));
            float[] dry = onset < frames ? clips.load(s.clip(), fs, (frames - onset) / (double) fs) : new float[0];
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
        requireFinite(mix, fs);
        task.progress(1, "rendered");
        return new RenderedScene(mix, timings, measured);
    }

    /** The mix and the RIRs must fit in this process's memory: say so before allocating. */
    static void checkMemory(Scene scene) {
        long bytes = 3L * 4 * scene.frames() * Float.BYTES; // the mix, an RIR cut to the scene and the convolution's spectra
        long budget = Runtime.getRuntime().maxMemory() / 2;
        if (bytes > budget) {
            throw new InputException(String.format(Locale.ROOT,
                    "rendering %.0f s at %d Hz needs about %.1f GB and this process may use %.1f GB;"
                            + " shorten duration or lower sampleRate (or give Java more memory with -Xmx)",
                    scene.duration(), scene.sampleRate(), bytes / 1e9, budget / 1e9));
        }
    }

    /** Finite input can still overflow float32 (a loud clip at a high gain): refuse rather than write infinities. */
    private static void requireFinite(float[][] mix, int fs) {
        for (int c = 0; c < mix.length; c++) {
            for (int i = 0; i < mix[c].length; i++) {
                if (!Float.isFinite(mix[c][i])) {
                    throw new InputException(String.format(Locale.ROOT, "the mix overflows at %.3f s (channel %d):"
                            + " a clip is too loud for its gainDb; lower the gain or normalise the clip", i / (double) fs, c + 1));
                }
            }
        }
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
