package org.notmono.sim.scene;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.notmono.sim.room.Wall;

/** The RTSD as JSON: one line for {@code rtsd.jsonl}, or indented for {@code *.rtsd.json}. */
public final class RtsdJson {
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private RtsdJson() {
    }

    public static ObjectNode toJson(Rtsd r) {
        ObjectNode o = COMPACT.createObjectNode();
        o.put("format", Rtsd.FORMAT);
        o.put("id", r.id());
        o.put("seed", r.seed());
        o.put("index", r.index());
        o.put("sampleRate", r.sampleRate());
        o.put("duration", r.duration());
        o.put("assets", r.assets());
        if (r.theme() != null) {
            o.put("theme", r.theme());
        }
        ObjectNode room = o.putObject("room");
        ArrayNode size = room.putArray("size");
        for (double d : r.room().size()) {
            size.add(d);
        }
        room.put("volume", round(r.room().volume(), 4));
        room.put("surface", round(r.room().surface(), 4));
        room.put("meanAbsorption", round(r.room().meanAbsorption(), 6));
        ObjectNode abs = room.putObject("absorption");
        for (Wall w : new Wall[] {Wall.FLOOR, Wall.CEILING, Wall.NORTH, Wall.SOUTH, Wall.EAST, Wall.WEST}) {
            abs.put(w.id(), r.room().absorption().get(w));
        }
        ObjectNode rt = room.putObject("rt60");
        rt.put("sabine", round(r.room().rt60Sabine(), 4));
        rt.put("eyring", round(r.room().rt60Eyring(), 4));
        if (Double.isNaN(r.room().measuredRt60())) {
            rt.putNull("measured");
        } else {
            rt.put("measured", round(r.room().measuredRt60(), 4));
        }
        room.put("category", r.room().category());
        room.put("reverb", r.room().reverb());
        SceneJson.receiver(o, r.receiver());
        ArrayNode sources = o.putArray("sources");
        for (Rtsd.Source s : r.sources()) {
            ObjectNode so = sources.addObject();
            so.put("id", s.id());
            so.put("class", s.classId());
            so.put("family", s.family());
            so.put("clip", s.clip());
            SceneJson.point(so.putArray("position"), s.position());
            so.put("azimuth", round(s.azimuth(), 2));
            so.put("elevation", round(s.elevation(), 2));
            so.put("distance", round(s.distance(), 3));
            so.put("onset", round(s.onset(), 4));
            so.put("offset", round(s.offset(), 4));
            so.put("levelDb", round(s.levelDb(), 2));
            so.put("transcript", s.transcript());
            if (!s.track().isEmpty()) {
                ArrayNode track = so.putArray("track");
                for (Rtsd.TrackPoint p : s.track()) {
                    ObjectNode t = track.addObject();
                    t.put("t", round(p.t(), 3));
                    t.put("azimuth", round(p.azimuth(), 2));
                    t.put("elevation", round(p.elevation(), 2));
                    t.put("distance", round(p.distance(), 3));
                }
            }
        }
        o.put("text", r.text());
        return o;
    }

    /** One line, for {@code rtsd.jsonl}. */
    public static String line(Rtsd r) {
        try {
            return COMPACT.writeValueAsString(toJson(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Indented, for {@code OUT.rtsd.json}. */
    public static String pretty(Rtsd r) {
        try {
            return COMPACT.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(r)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Rounds for readable files; the values are ground truth to far better than these digits
     * matter. A non-finite value is a bug upstream (the scene validator bounds every input):
     * it is refused rather than written as a number that is not one.
     */
    static double round(double v, int digits) {
        if (!Double.isFinite(v)) {
            throw new IllegalStateException("the RTSD would hold the non-finite number " + v);
        }
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
