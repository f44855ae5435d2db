package org.notmono.training.qa;

import java.util.ArrayList;
import java.util.List;

import org.notmono.sim.random.RandomSceneGenerator;
import org.notmono.sim.render.RenderedScene;
import org.notmono.sim.render.RtsdBuilder;
import org.notmono.sim.scene.Rtsd;

/**
 * The RTSD of a random scene without rendering it: each source sounds for a second from its
 * onset and the measured RT60 is unknown. What questions read (geometry, classes, transcripts,
 * room, theme) is fixed by the scene, so items made from it equal those made after rendering;
 * this lets the benchmark choose scenes before paying for their audio.
 */
public final class UnrenderedTruth {
    private UnrenderedTruth() {
    }

    public static Rtsd of(RtsdBuilder builder, long seed, long index, RandomSceneGenerator.RandomScene drawn) {
        List<RenderedScene.SourceTiming> timings = new ArrayList<>();
        drawn.scene().sources().forEach(s -> timings.add(new RenderedScene.SourceTiming(s.onset(), s.onset() + 1)));
        return builder.build(RandomSceneGenerator.id(seed, index), seed, index, drawn.scene(),
                new RenderedScene(new float[4][0], timings, Double.NaN), drawn.themeId());
    }
}
