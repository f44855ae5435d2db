package org.notmono.sim.scene;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.notmono.sim.room.Absorption;
import org.notmono.sim.room.Orientation;
import org.notmono.sim.room.Point3;
import org.notmono.sim.room.Wall;

/**
 * The RTSD as JSON: one line for {@code rtsd.jsonl}, or indented for {@code *.rtsd.json}; and
 * read back. Reading names the JSON path of a missing or mistyped field and tolerates fields
 * it does not know, since later versions of the format add fields.
 */
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

    /** {@code X.rtsd.json}, where a render puts the ground truth of {@code X.wav}. */
    public static Path besides(Path wav) {
        return wav.resolveSibling(wav.getFileName().toString().replaceFirst("(?i)\\.wav$", "") + ".rtsd.json");
    }

    /** Reads {@code X.rtsd.json}; a problem is an {@link IOException} naming the file and the JSON path. */
    public static Rtsd read(Path file) throws IOException {
        try {
            return parse(Files.readString(file));
        } catch (SceneException e) {
            throw new IOException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Parses one RTSD object (a line of {@code rtsd.jsonl} or a whole {@code *.rtsd.json}). */
    public static Rtsd parse(String json) {
        JsonNode root;
        try {
            root = COMPACT.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SceneException("", "not valid JSON: " + e.getOriginalMessage());
        }
        StrictObject o = new StrictObject(root, "");
        String format = o.text("format");
        if (!Rtsd.FORMAT.equals(format)) {
            throw new SceneException("format", "'" + format + "' is not " + Rtsd.FORMAT);
        }
        StrictObject rcv = o.object("receiver");
        Scene.Receiver receiver = new Scene.Receiver(rcv.point("position"),
                new Orientation(rcv.number("yaw", 0), rcv.number("pitch", 0), rcv.number("roll", 0)));
        return new Rtsd(o.text("id"), optionalLong(o, "seed"), optionalLong(o, "index"), o.integer("sampleRate"),
                o.number("duration"), o.text("assets", null), room(o.object("room")), receiver,
                o.array("sources", e -> source(e.object())), o.text("text", ""), o.text("theme", null));
    }

    private static Long optionalLong(StrictObject o, String field) {
        return o.has(field) ? (long) o.number(field) : null;
    }

    private static Rtsd.Room room(StrictObject o) {
        Point3 size = o.point("size");
        StrictObject abs = o.object("absorption");
        double[] a = new double[Wall.values().length];
        for (Wall w : Wall.values()) {
            a[w.ordinal()] = abs.number(w.id());
        }
        StrictObject rt = o.object("rt60");
        return new Rtsd.Room(size.toArray(), o.number("volume"), o.number("surface"), o.number("meanAbsorption"),
                new Absorption(a[0], a[1], a[2], a[3], a[4], a[5]), rt.number("sabine"), rt.number("eyring"),
                rt.number("measured", Double.NaN), o.text("category"), o.text("reverb"));
    }

    private static Rtsd.Source source(StrictObject o) {
        List<Rtsd.TrackPoint> track = o.has("track") ? o.array("track", e -> {
            StrictObject p = e.object();
            return new Rtsd.TrackPoint(p.number("t"), p.number("azimuth"), p.number("elevation"), p.number("distance"));
        }) : List.of();
        return new Rtsd.Source(o.text("id"), o.text("class"), o.text("family", null), o.text("clip", null),
                o.point("position"), o.number("azimuth"), o.number("elevation"), o.number("distance"), o.number("onset"),
                o.number("offset"), o.number("levelDb"), o.text("transcript", null), track);
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
