package org.notmono.sim.editor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.notmono.sim.render.ClipLoader;
import org.notmono.sim.render.DiffuseNoise;
import org.notmono.sim.render.RenderedScene;
import org.notmono.sim.render.SceneRenderer;
import org.notmono.sim.scene.Scene;
import org.notmono.sim.scene.SceneJson;
import org.notmono.sim.sources.ClipLibrary;
import org.notmono.task.TaskContext;

/**
 * Renders scenes with the simulator, one source at a time, and keeps each source's wet signal
 * so that the next render only recomputes the sources whose own settings, the room or the
 * receiver changed. The mix is summed in scene order as {@link SceneRenderer} sums it, so the
 * result equals a full render up to float rounding.
 */
public final class SceneRenderCache {
    private final ClipLibrary library;
    private Map<SourceKey, SourceRender> cache = new HashMap<>();

    /** Everything one source's wet signal depends on. */
    private record SourceKey(Scene.Source source, Scene.Room room, Scene.Receiver receiver, int sampleRate,
                             double duration, Path folder) {
    }

    private record SourceRender(float[][] audio, RenderedScene.SourceTiming timing, double measuredRt60) {
    }

    /**
     * @param rendered how many sources were computed now
     * @param reused   how many came from the previous render
     */
    public record Result(Scene scene, RenderedScene audio, int rendered, int reused) {
    }

    public SceneRenderCache(ClipLibrary library) {
        this.library = library;
    }

    /** @param folder where relative clip paths are resolved (the scene file's folder) */
    public synchronized Result render(Scene scene, Path folder, TaskContext task) throws IOException {
        SceneRenderer renderer = new SceneRenderer(new ClipLoader(library, folder));
        float[][] mix = new float[4][scene.frames()];
        List<RenderedScene.SourceTiming> timings = new ArrayList<>();
        Map<SourceKey, SourceRender> next = new HashMap<>();
        double measured = Double.NaN;
        int computed = 0;
        int n = scene.sources().size();
        for (int i = 0; i < n; i++) {
            Scene.Source source = scene.sources().get(i);
            SourceKey key = new SourceKey(source, scene.room(), scene.receiver(), scene.sampleRate(), scene.duration(), folder);
            SourceRender r = cache.get(key);
            if (r == null) {
                task.checkCancelled();
                Scene alone = new Scene(scene.sampleRate(), scene.duration(), scene.room(), scene.receiver(), List.of(source), null);
                RenderedScene one = renderer.render(alone, task.slice((double) i / n, (i + 1.0) / n));
                r = new SourceRender(one.audio(), one.sources().getFirst(), one.measuredRt60());
                computed++;
            }
            next.put(key, r);
            timings.add(r.timing());
            if (i == 0) {
                measured = r.measuredRt60();
            }
            for (int c = 0; c < 4; c++) {
                float[] out = mix[c], in = r.audio()[c];
                for (int k = 0; k < out.length; k++) {
                    out[k] += in[k];
                }
            }
        }
        if (scene.background() != null) {
            // seeded from the whole scene, as the simulator does
            DiffuseNoise.add(mix, scene.background().snrDb(), SceneJson.write(scene).hashCode());
        }
        cache = next;
        task.progress(1, computed + " of " + n + " sources rendered, " + (n - computed) + " reused");
        return new Result(scene, new RenderedScene(mix, timings, measured), computed, n - computed);
    }
}
