package org.notmono.sim.render;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.notmono.audio.SampleEncoding;
import org.notmono.sim.room.Point3;
import org.notmono.sim.scene.Rtsd;
import org.notmono.sim.scene.Scene;
import org.notmono.sim.sources.TestSignalLibrary;
import org.notmono.task.TaskContext;

/**
 * A one-second scene rendered and written as {@code demo.wav} with its RTSD beside it: a woman
 * speaking at (2, 3, 1.5), 2 dB down with a 0.1 s onset, and a piano moving from (1, 1, 1) to
 * (5, 1, 1), heard in {@link SceneRendererTest#scene}'s room.
 *
 * @param wav the written WAV
 * @param rtsd the ground truth as built, before writing
 */
record TwoSourceRender(Path wav, Rtsd rtsd) {

    /** Renders the scene in {@code dir} (clips are cached there too) and writes it at 16 kHz with {@code encoding}. */
    static TwoSourceRender write(Path dir, Long seed, Long index, SampleEncoding encoding) throws IOException {
        ClipLoader clips = new ClipLoader(new TestSignalLibrary(), dir);
        Scene s = SceneRendererTest.scene(1, List.of(
                new Scene.Source("s1", "test:speech/female_speech", "female_speech", -2, 0.1, new Point3(2, 3, 1.5), null),
                new Scene.Source("s2", "test:music/piano", "piano", 0, 0, null, List.of(
                        new Scene.Keyframe(0, new Point3(1, 1, 1)), new Scene.Keyframe(1, new Point3(5, 1, 1))))), null);
        RenderedScene r = new SceneRenderer(clips).render(s, TaskContext.none());
        Rtsd rtsd = new RtsdBuilder(clips).build("demo", seed, index, s, r);
        Path wav = dir.resolve("demo.wav");
        RenderOutput.write(wav, r, rtsd, 16000, encoding);
        return new TwoSourceRender(wav, rtsd);
    }
}
