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
import org.notmono.sim.render.RtsdBuilder;
import org.notmono.sim.scene.RtsdJson;
import org.notmono.sim.sources.ClipLibraries;
import org.notmono.sim.sources.ClipLibrary;

/** Real RTSDs of random asset scenes (half themed), without the cost of rendering. */
final class TruthScenes {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final ClipLibrary LIBRARY = ClipLibraries.standard();
    private static final RandomSceneGenerator GENERATOR;
    private static final RtsdBuilder BUILDER = new RtsdBuilder(new ClipLoader(LIBRARY, Path.of(".")));
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
        var rtsd = UnrenderedTruth.of(BUILDER, seed, index, GENERATOR.draw(seed, index));
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
