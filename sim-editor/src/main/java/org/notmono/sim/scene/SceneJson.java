package org.notmono.sim.scene;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.notmono.sim.room.Absorption;
import org.notmono.sim.room.Orientation;
import org.notmono.sim.room.Point3;
import org.notmono.sim.room.RirOptions;
import org.notmono.sim.room.RoomAcoustics;
import org.notmono.sim.room.Shoebox;
import org.notmono.sim.room.TailModel;
import org.notmono.sim.room.Wall;

/** Strict reading and writing of {@code *.scene.json} ({@code notmono.scene/1}). */
public final class SceneJson {
    public static final int DEFAULT_MAX_ORDER = 17;

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private SceneJson() {
    }

    public static Scene read(Path file) throws IOException {
        try {
            return parse(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new SceneException("", "scene file " + file + " does not exist");
        } catch (SceneException e) {
            throw new SceneException("", file.getFileName() + ": " + e.getMessage());
        }
    }

    /** Parses and validates a scene. */
    public static Scene parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SceneException("", "not valid JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
        StrictObject o = new StrictObject(root, "");
        String format = o.text("format");
        if (!Scene.FORMAT.equals(format)) {
            throw new SceneException("format", "'" + format + "' is not " + Scene.FORMAT);
        }
        int fs = o.integer("sampleRate");
        if (fs < 1000 || fs > 384000) {
            throw new SceneException("sampleRate", fs + " Hz is outside 1000..384000");
        }
        double duration = o.number("duration");
        if (!(duration > 0) || duration > 3600) {
            throw new SceneException("duration", duration + " s is outside (0, 3600]");
        }
        Scene.Room room = room(o.object("room"));
        Scene.Receiver receiver = receiver(o.object("receiver"));
        List<Scene.Source> sources = o.array("sources", e -> source(e.object()));
        Scene.Background background = o.has("background") ? background(o.object("background")) : null;
        o.optional("background");
        o.finish();
        requireUniqueIds(sources);
        Scene scene = new Scene(fs, duration, room, receiver, sources, background);
        SceneValidator.validate(scene);
        return scene;
    }

    private static Scene.Room room(StrictObject o) {
        Point3 s = o.point("size");
        Shoebox size;
        try {
            size = new Shoebox(s.x(), s.y(), s.z());
        } catch (IllegalArgumentException e) {
            throw new SceneException(o.path("size"), e.getMessage());
        }
        Absorption absorption = null;
        Double rt60 = null;
        if (o.has("absorption") == o.has("rt60")) {
            throw new SceneException(o.path("absorption"), "give exactly one of room.absorption and room.rt60");
        }
        if (o.has("absorption")) {
            absorption = absorption(o);
        } else {
            rt60 = o.number("rt60");
            try {
                RoomAcoustics.inverseSabine(rt60, size, RirOptions.SPEED_OF_SOUND);
            } catch (IllegalArgumentException e) {
                throw new SceneException(o.path("rt60"), e.getMessage());
            }
        }
        o.optional("absorption", "rt60");
        int maxOrder = o.integer("maxOrder", DEFAULT_MAX_ORDER);
        if (maxOrder < 0 || maxOrder > 200) {
            throw new SceneException(o.path("maxOrder"), maxOrder + " is outside 0..200");
        }
        TailModel tail;
        try {
            tail = TailModel.fromId(o.text("tail", TailModel.NONE.id()));
        } catch (IllegalArgumentException e) {
            throw new SceneException(o.path("tail"), e.getMessage());
        }
        boolean highPass = o.bool("highPass", false);
        o.finish();
        return new Scene.Room(size, absorption, rt60, maxOrder, tail, highPass);
    }

    private static Absorption absorption(StrictObject room) {
        JsonNode v = room.get("absorption");
        String path = room.path("absorption");
        try {
            if (v.isNumber()) {
                return Absorption.uniform(v.asDouble());
            }
            StrictObject o = new StrictObject(v, path);
            double[] a = new double[6];
            for (Wall w : Wall.values()) {
                a[w.ordinal()] = o.number(w.id());
                if (!(a[w.ordinal()] > 0 && a[w.ordinal()] <= 1)) {
                    throw new SceneException(o.path(w.id()), a[w.ordinal()] + " is outside (0, 1]");
                }
            }
            o.finish();
            return new Absorption(a[0], a[1], a[2], a[3], a[4], a[5]);
        } catch (IllegalArgumentException e) {
            throw new SceneException(path, e.getMessage());
        }
    }

    private static Scene.Receiver receiver(StrictObject o) {
        Point3 p = o.point("position");
        Orientation orientation = new Orientation(o.number("yaw", 0), o.number("pitch", 0), o.number("roll", 0));
        o.finish();
        return new Scene.Receiver(p, orientation);
    }

    private static Scene.Source source(StrictObject o) {
        String id = o.text("id");
        String clip = o.text("clip");
        String classId = o.text("class", null);
        double gainDb = o.number("gainDb", 0);
        double onset = o.number("onset", 0);
        if (onset < 0) {
            throw new SceneException(o.path("onset"), onset + " s is negative");
        }
        if (o.has("position") == o.has("trajectory")) {
            throw new SceneException(o.path("position"), "give exactly one of position and trajectory");
        }
        Point3 position = null;
        List<Scene.Keyframe> trajectory = null;
        if (o.has("position")) {
            position = o.point("position");
        } else {
            trajectory = o.array("trajectory", e -> {
                StrictObject k = e.object();
                Scene.Keyframe kf = new Scene.Keyframe(k.number("t"), k.point("position"));
                k.finish();
                return kf;
            });
            if (trajectory.size() < 2) {
                throw new SceneException(o.path("trajectory"), "needs at least 2 keyframes");
            }
            for (int i = 1; i < trajectory.size(); i++) {
                if (!(trajectory.get(i).t() > trajectory.get(i - 1).t())) {
                    throw new SceneException(o.path("trajectory") + "[" + i + "].t", "keyframe times must increase");
                }
            }
        }
        o.optional("position", "trajectory");
        o.finish();
        return new Scene.Source(id, clip, classId, gainDb, onset, position, trajectory);
    }

    private static Scene.Background background(StrictObject o) {
        String type = o.text("type");
        if (!Scene.Background.DIFFUSE_NOISE.equals(type)) {
            throw new SceneException(o.path("type"), "'" + type + "' is not a known background (expected diffuse-noise)");
        }
        double snr = o.number("snrDb");
        o.finish();
        return new Scene.Background(type, snr);
    }

    /** Source ids must be unique: they name the RTSD's sources. */
    private static void requireUniqueIds(List<Scene.Source> sources) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            if (!seen.add(sources.get(i).id())) {
                throw new SceneException("sources[" + i + "].id", "'" + sources.get(i).id() + "' is used twice");
            }
        }
    }

    /** The scene as JSON text, in the documented field order. */
    public static String write(Scene scene) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", Scene.FORMAT);
        root.put("sampleRate", scene.sampleRate());
        root.put("duration", scene.duration());
        ObjectNode room = root.putObject("room");
        point(room.putArray("size"), new Point3(scene.room().size().lx(), scene.room().size().ly(), scene.room().size().lz()));
        Absorption a = scene.room().absorption();
        if (a == null) {
            room.put("rt60", scene.room().rt60());
        } else if (a.isUniform()) {
            room.put("absorption", a.west());
        } else {
            ObjectNode walls = room.putObject("absorption");
            for (Wall w : Wall.values()) {
                walls.put(w.id(), a.get(w));
            }
        }
        room.put("maxOrder", scene.room().maxOrder());
        room.put("tail", scene.room().tail().id());
        if (scene.room().highPass()) { // written only when on, so files of the default stay as they were
            room.put("highPass", true);
        }
        receiver(root, scene.receiver());
        ArrayNode sources = root.putArray("sources");
        for (Scene.Source s : scene.sources()) {
            ObjectNode o = sources.addObject();
            o.put("id", s.id());
            o.put("clip", s.clip());
            if (s.classId() != null) {
                o.put("class", s.classId());
            }
            o.put("gainDb", s.gainDb());
            o.put("onset", s.onset());
            if (s.isMoving()) {
                ArrayNode t = o.putArray("trajectory");
                for (Scene.Keyframe k : s.trajectory()) {
                    ObjectNode kf = t.addObject();
                    kf.put("t", k.t());
                    point(kf.putArray("position"), k.position());
                }
            } else {
                point(o.putArray("position"), s.position());
            }
        }
        if (scene.background() != null) {
            ObjectNode b = root.putObject("background");
            b.put("type", scene.background().type());
            b.put("snrDb", scene.background().snrDb());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code "receiver": {"position", "yaw", "pitch", "roll"}} into {@code parent}. */
    static void receiver(ObjectNode parent, Scene.Receiver r) {
        ObjectNode rcv = parent.putObject("receiver");
        point(rcv.putArray("position"), r.position());
        rcv.put("yaw", r.orientation().yaw());
        rcv.put("pitch", r.orientation().pitch());
        rcv.put("roll", r.orientation().roll());
    }

    static void point(ArrayNode a, Point3 p) {
        a.add(p.x()).add(p.y()).add(p.z());
    }
}
