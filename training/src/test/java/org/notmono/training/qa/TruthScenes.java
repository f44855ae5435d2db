package org.notmono.training.qa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.notmono.sim.random.RandomSceneGenerator;
import org.notmono.sim.random.Themes;
import org.notmono.sim.render.ClipLoader;
import org.notmono.sim.render.RenderedScene;
import org.notmono.sim.render.RtsdBuilder;
import org.notmono.sim.scene.RtsdJson;
import org.notmono.sim.scene.Scene;
import org.notmono.sim.sources.ClipLibraries;
import org.notmono.sim.sources.ClipLibrary;

/**
 * Real RTSDs of random asset scenes without the cost of rendering: the RTSD builder is given
 * silent audio with each source sounding for a second from its onset. QA reads only geometry,
 * classes and transcripts, which rendering does not change.
 */
final class TruthScenes {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final ClipLibrary LIBRARY = ClipLibraries.standard();
    private static final RandomSceneGenerator GENERATOR;
    static final QaVocabulary VOCABULARY;

    static {
        try {
            GENERATOR = new RandomSceneGenerator(LIBRARY, 4.0, Themes.fromAssets(), 0.5);
            VOCABULARY = QaVocabulary.fromAssets();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TruthScenes() {
    }

    /** The RTSD JSON of scene {@code index} of {@code seed} (half of the scenes themed). */
    static JsonNode rtsd(long seed, long index) {
        RandomSceneGenerator.RandomScene drawn = GENERATOR.draw(seed, index);
        Scene scene = drawn.scene();
        List<RenderedScene.SourceTiming> timings = new ArrayList<>();
        scene.sources().forEach(s -> timings.add(new RenderedScene.SourceTiming(s.onset(), s.onset() + 1)));
        var rtsd = new RtsdBuilder(new ClipLoader(LIBRARY, Path.of("."))).build(RandomSceneGenerator.id(seed, index), seed, index,
                scene, new RenderedScene(new float[4][0], timings, Double.NaN), drawn.themeId());
        try {
            return MAPPER.readTree(RtsdJson.line(rtsd));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> rtsds(long seed, int count) {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(rtsd(seed, i));
        }
        return out;
    }
}
