package org.notmono.viewer.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.notmono.audio.AudioClip;
import org.notmono.sim.render.ClipLoader;
import org.notmono.sim.render.RenderedScene;
import org.notmono.sim.render.RtsdBuilder;
import org.notmono.sim.render.SceneRenderer;
import org.notmono.sim.room.Absorption;
import org.notmono.sim.room.Orientation;
import org.notmono.sim.room.Point3;
import org.notmono.sim.room.Shoebox;
import org.notmono.sim.room.TailModel;
import org.notmono.sim.scene.Rtsd;
import org.notmono.sim.scene.Scene;
import org.notmono.sim.scene.SceneValidator;
import org.notmono.sim.sources.TestSignalLibrary;
import org.notmono.task.TaskContext;

/**
 * Scenes rendered by the simulation engine for accuracy tests: a 6 x 5 x 3 m room, the receiver
 * and the sources at random places (sources at least 1 m from the receiver, 0.5 m from walls),
 * dry clips from the asset library (environmental : speech : music about 5 : 3 : 2),
 * overlapping in time.
 */
public final class SimulatedScenes {
    private static final ClipLoader CLIPS = new ClipLoader(new TestSignalLibrary(), Path.of("."));
    private static final String[][] CLIP_CLASSES = {
        {"env/dog_bark_01.wav", "dog_bark"}, {"env/footsteps_02.wav", "footsteps"}, {"env/telephone_01.wav", "telephone"},
        {"env/door_01.wav", "door"}, {"env/keyboard_typing_01.wav", "keyboard_typing"},
        {"speech/en_allison_conf-onlyone.wav", "speech"}, {"speech/en_flite_awb_20.wav", "speech"},
        {"speech/it_carlo_pls-hold-while-try.wav", "speech"}, {"music/piano_01.wav", "piano"},
        {"music/drums_01.wav", "drums"}};

    /** A rendered clip and its ground truth. */
    public record Rendered(AudioClip audio, Rtsd truth) {
    }

    private SimulatedScenes() {
    }

    /** @param rt60 null for an anechoic room (direct path only) */
    public static Rendered render(long seed, int sourceCount, Double rt60, double seconds) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        Shoebox box = new Shoebox(6, 5, 3);
        Point3 receiver = new Point3(1 + r.nextDouble() * 4, 1 + r.nextDouble() * 3, 1.2 + r.nextDouble() * 0.6);
        List<Scene.Source> sources = new ArrayList<>();
        for (int i = 0; i < sourceCount; i++) {
            String[] clip = CLIP_CLASSES[r.nextInt(CLIP_CLASSES.length)];
            Point3 p;
            do {
                p = new Point3(0.5 + r.nextDouble() * 5, 0.5 + r.nextDouble() * 4, 0.5 + r.nextDouble() * 2);
            } while (p.distanceTo(receiver) < 1);
            sources.add(new Scene.Source("s" + (i + 1), ClipLoader.ASSETS_PREFIX + clip[0], clip[1], -6 * r.nextDouble(), 0, p, null));
        }
        Scene.Room room = rt60 == null
                ? new Scene.Room(box, Absorption.uniform(1), null, 0, TailModel.NONE)
                : new Scene.Room(box, null, rt60, 17, TailModel.EYRING);
        Scene scene = new Scene(16000, seconds, room, new Scene.Receiver(receiver, Orientation.FRONT), sources, null);
        SceneValidator.validate(scene);
        RenderedScene rendered = new SceneRenderer(CLIPS).render(scene, TaskContext.none());
        Rtsd truth = new RtsdBuilder(CLIPS).build("test-" + seed, seed, 0L, scene, rendered);
        return new Rendered(new AudioClip(16000, rendered.audio()), truth);
    }
}
