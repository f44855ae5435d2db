package org.notmono.viewer.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.notmono.sim.scene.metrics.TruthSource;

/**
 * Reads the ground-truth sources of an RTSD file ({@code X.rtsd.json} beside {@code X.wav}):
 * what the views need of it, each source at its onset direction.
 */
public final class GroundTruthReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GroundTruthReader() {
    }

    /** {@code X.rtsd.json} for {@code X.wav}. */
    public static Path besides(Path wav) {
        return wav.resolveSibling(wav.getFileName().toString().replaceFirst("(?i)\\.wav$", "") + ".rtsd.json");
    }

    public static List<TruthSource> read(Path rtsd) throws IOException {
        JsonNode root = MAPPER.readTree(Files.readString(rtsd));
        if (!"notmono.rtsd/1".equals(root.path("format").asText())) {
            throw new IOException(rtsd.getFileName() + ": format is '" + root.path("format").asText()
                    + "', expected 'notmono.rtsd/1'");
        }
        List<TruthSource> sources = new ArrayList<>();
        JsonNode array = root.path("sources");
        for (int i = 0; i < array.size(); i++) {
            JsonNode s = array.get(i);
            for (String field : new String[] {"azimuth", "elevation", "distance"}) {
                if (!s.path(field).isNumber()) {
                    throw new IOException(rtsd.getFileName() + ": $.sources[" + i + "]." + field + ": expected a number");
                }
            }
            sources.add(new TruthSource(s.path("id").asText("s" + (i + 1)), s.get("azimuth").asDouble(),
                    s.get("elevation").asDouble(), s.get("distance").asDouble(),
                    s.path("class").isTextual() ? s.get("class").asText() : null));
        }
        return sources;
    }
}
