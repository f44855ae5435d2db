package org.notmono.viewer.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.notmono.sim.scene.ClipTruth;
import org.notmono.sim.scene.metrics.TruthSource;

/**
 * Reads the ground-truth sources of a clip's RTSD ({@link ClipTruth}): what the views need of it,
 * each source at its onset direction.
 */
public final class GroundTruthReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GroundTruthReader() {
    }

    /** A moving source's receiver-relative path: {@code points[i] = {t, azimuth, elevation, distance}}. */
    public record Track(String sourceId, List<double[]> points) {

        /** The source at the track point nearest {@code t} (held before the first and after the last). */
        public TruthSource at(TruthSource s, double t) {
            double[] best = points.getFirst();
            for (double[] p : points) {
                if (Math.abs(p[0] - t) < Math.abs(best[0] - t)) {
                    best = p;
                }
            }
            return new TruthSource(s.id(), best[1], best[2], best[3], s.classId());
        }
    }

    /** The tracks of the moving sources, by source id. */
    public static Map<String, Track> tracks(ClipTruth rtsd) throws IOException {
        JsonNode array = root(rtsd).path("sources");
        Map<String, Track> tracks = new LinkedHashMap<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode track = array.get(i).path("track");
            if (track.isArray() && !track.isEmpty()) {
                List<double[]> points = new ArrayList<>();
                for (JsonNode p : track) {
                    points.add(new double[] {p.path("t").asDouble(), p.path("azimuth").asDouble(), p.path("elevation").asDouble(),
                            p.path("distance").asDouble()});
                }
                String id = array.get(i).path("id").asText("s" + (i + 1));
                tracks.put(id, new Track(id, points));
            }
        }
        return tracks;
    }

    private static JsonNode root(ClipTruth rtsd) throws IOException {
        JsonNode root = MAPPER.readTree(rtsd.json());
        if (!"notmono.rtsd/1".equals(root.path("format").asText())) {
            throw new IOException(rtsd.origin() + ": format is '" + root.path("format").asText()
                    + "', expected 'notmono.rtsd/1'");
        }
        return root;
    }

    public static List<TruthSource> read(ClipTruth rtsd) throws IOException {
        JsonNode root = root(rtsd);
        List<TruthSource> sources = new ArrayList<>();
        JsonNode array = root.path("sources");
        for (int i = 0; i < array.size(); i++) {
            JsonNode s = array.get(i);
            for (String field : new String[] {"azimuth", "elevation", "distance"}) {
                if (!s.path(field).isNumber()) {
                    throw new IOException(rtsd.origin() + ": $.sources[" + i + "]." + field + ": expected a number");
                }
            }
            sources.add(new TruthSource(s.path("id").asText("s" + (i + 1)), s.get("azimuth").asDouble(),
                    s.get("elevation").asDouble(), s.get("distance").asDouble(),
                    s.path("class").isTextual() ? s.get("class").asText() : null));
        }
        return sources;
    }
}
