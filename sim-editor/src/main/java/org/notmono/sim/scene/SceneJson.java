package org.notmono.sim.scene;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.notmono.sim.room.Absorption;
import org.notmono.sim.room.Orientation;
import org.notmono.sim.room.Point3;
import org.notmono.sim.room.RirOptions;
import org.notmono.sim.room.RirRequest;
import org.notmono.sim.room.RoomAcoustics;
import org.notmono.sim.room.Shoebox;
import org.notmono.sim.room.TailModel;
import org.notmono.sim.room.Wall;

/** Strict reading and writing of {@code *.scene.json} ({@code notmono.scene/1}). */
public final class SceneJson {
    public static final int DEFAULT_MAX_ORDER = 17;
    /** Longest scene, seconds. */
    public static final double MAX_DURATION = 3600;
    /** Largest scene file read: a hand-written scene is kilobytes. */
    static final long MAX_FILE_BYTES = 16L << 20;
    /** Longest reverberation a room may have (Sabine or Eyring, or room.rt60), seconds. */
    static final double MAX_RT60 = 60;
    static final double MIN_GAIN_DB = -120;
    static final double MAX_GAIN_DB = 60;
    static final double MIN_SNR_DB = -60;
    static final double MAX_SNR_DB = 120;

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private SceneJson() {
    }

    public static Scene read(Path file) throws IOException {
        try {
            return parse(readText(file));
        } catch (NoSuchFileException e) {
            throw new SceneException("", "scene file " + file + " does not exist");
        } catch (SceneException e) {
            throw new SceneException("", file.getFileName() + ": " + e.getMessage());
        }
    }

    /** The file's text: a regular file of at most {@link #MAX_FILE_BYTES}, in UTF-8. */
    private static String readText(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new SceneException("", "is a folder, not a scene file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new SceneException("", "is not a regular file (a device or a pipe?); give a *.scene.json file");
        }
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new SceneException("", "is " + size + " bytes; a scene file has at most " + MAX_FILE_BYTES);
        }
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new SceneException("", "is not UTF-8 text (bad byte at offset " + bytes.position() + "); save it as UTF-8");
        }
    }

    /** Parses and validates a scene. */
    public static Scene parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // limits (nesting depth, number length) come without a location
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new SceneException("", "not valid JSON: " + firstLine(e.getOriginalMessage()) + where);
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
        if (!(duration > 0) || duration > MAX_DURATION) {
            throw new SceneException("duration", duration + " s is outside (0, " + (int) MAX_DURATION + "]");
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
        checkImpulseResponses(scene);
        return scene;
    }

    /** Every source's RIR must stay under {@link RirRequest#MAX_SECONDS} (a room of a kilometre would not). */
    private static void checkImpulseResponses(Scene scene) {
        for (int i = 0; i < scene.sources().size(); i++) {
            for (Point3 p : scene.sources().get(i).pathPoints()) {
                try {
                    scene.rirRequest(p).checkLength();
                } catch (IllegalArgumentException e) {
                    throw new SceneException("room", e.getMessage());
                }
            }
        }
    }

    /** Jackson's messages can run over several lines (a snippet of the input); the CLI prints one. */
    private static String firstLine(String message) {
        String m = message == null ? "malformed" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
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
            double c = RirOptions.SPEED_OF_SOUND;
            double longest = Math.max(RoomAcoustics.sabine(size, absorption, c), RoomAcoustics.eyring(size, absorption, c));
            if (!(longest <= MAX_RT60)) {
                throw new SceneException(o.path("absorption"), String.format(Locale.ROOT,
                        "gives an RT60 of %.3g s in this room (at most %.0f s); raise the absorption", longest, MAX_RT60));
            }
        } else {
            rt60 = o.number("rt60");
            if (!(rt60 > 0 && rt60 <= MAX_RT60)) {
                throw new SceneException(o.path("rt60"), rt60 + " s is outside (0, " + (int) MAX_RT60 + "]");
            }
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
        o.finish();
        return new Scene.Room(size, absorption, rt60, maxOrder, tail);
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
        String id = name(o, "id");
        String clip = name(o, "clip");
        String classId = o.text("class", null);
        double gainDb = o.number("gainDb", 0);
        if (gainDb < MIN_GAIN_DB || gainDb > MAX_GAIN_DB) {
            throw new SceneException(o.path("gainDb"), gainDb + " dB is outside " + (int) MIN_GAIN_DB + ".." + (int) MAX_GAIN_DB);
        }
        double onset = o.number("onset", 0);
        if (onset < 0) {
            throw new SceneException(o.path("onset"), onset + " s is negative");
        }
        if (onset > MAX_DURATION) {
            throw new SceneException(o.path("onset"), onset + " s is after the longest scene (" + (int) MAX_DURATION + " s)");
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
        if (snr < MIN_SNR_DB || snr > MAX_SNR_DB) {
            throw new SceneException(o.path("snrDb"), snr + " dB is outside " + (int) MIN_SNR_DB + ".." + (int) MAX_SNR_DB);
        }
        o.finish();
        return new Scene.Background(type, snr);
    }

    /** A non-empty string without control characters (a NUL cannot be in a file name or an id). */
    private static String name(StrictObject o, String field) {
        String v = o.text(field);
        if (v.isBlank()) {
            throw new SceneException(o.path(field), "is empty");
        }
        for (int i = 0; i < v.length(); i++) {
            if (Character.isISOControl(v.charAt(i))) {
                throw new SceneException(o.path(field), String.format(Locale.ROOT, "holds the control character U+%04X at %d", (int) v.charAt(i), i));
            }
        }
        return v;
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
