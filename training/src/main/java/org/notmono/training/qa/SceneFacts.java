package org.notmono.training.qa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.notmono.sim.scene.DirectionWords;
import org.notmono.sim.scene.Rtsd;

/**
 * What questions are made from: the part of an RTSD ({@code notmono.rtsd/1}) that QA reads,
 * each source with its index in the RTSD's {@code sources} array so facts can point at it.
 *
 * @param theme    null for an unthemed scene
 * @param listener where the receiver stands and which way it faces
 */
public record SceneFacts(String id, String theme, Room room, Listener listener, List<Source> sources) {

    public SceneFacts {
        sources = List.copyOf(sources);
    }

    /** @param size length, width, height in metres */
    public record Room(double[] size, double meanAbsorption, double rt60, String category, String reverb) {
    }

    /**
     * The receiver.
     *
     * @param position its ears in room coordinates, metres (x, y on the floor, z up)
     * @param yaw      its heading in degrees, counter-clockwise from the room's x axis
     * @param level    true when it neither pitches nor rolls (its sectors are then wedges of the floor plan)
     */
    public record Listener(double[] position, double yaw, boolean level) {
    }

    /** @param transcript null when unknown */
    public record Source(int index, String classId, double azimuth, double elevation, double distance, String transcript) {
        /** The JSON pointer of one of this source's fields in the RTSD. */
        public String pointer(String field) {
            return "/sources/" + index + "/" + field;
        }
    }

    /** From an RTSD record. */
    public static SceneFacts of(Rtsd r) {
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < r.sources().size(); i++) {
            Rtsd.Source s = r.sources().get(i);
            sources.add(new Source(i, s.classId(), s.azimuth(), s.elevation(), s.distance(), said(s.transcript())));
        }
        double[] p = {r.receiver().position().x(), r.receiver().position().y(), r.receiver().position().z()};
        var o = r.receiver().orientation();
        return new SceneFacts(r.id(), r.theme(), new Room(r.room().size().clone(), r.room().meanAbsorption(), r.room().rt60Eyring(),
                r.room().category(), r.room().reverb()), new Listener(p, o.yaw(), o.pitch() == 0 && o.roll() == 0), sources);
    }

    /** From an RTSD's JSON; the caller has checked its format. */
    public static SceneFacts of(JsonNode r) {
        List<Source> sources = new ArrayList<>();
        JsonNode array = r.path("sources");
        for (int i = 0; i < array.size(); i++) {
            JsonNode s = array.get(i);
            JsonNode t = s.path("transcript");
            sources.add(new Source(i, s.path("class").asText(null), s.path("azimuth").asDouble(), s.path("elevation").asDouble(),
                    s.path("distance").asDouble(), t.isTextual() ? said(t.asText()) : null));
        }
        JsonNode room = r.path("room");
        double[] size = {room.path("size").path(0).asDouble(), room.path("size").path(1).asDouble(), room.path("size").path(2).asDouble()};
        JsonNode receiver = r.path("receiver");
        JsonNode pos = receiver.path("position");
        double[] p = {pos.path(0).asDouble(), pos.path(1).asDouble(), pos.path(2).asDouble()};
        Listener listener = new Listener(p, receiver.path("yaw").asDouble(),
                receiver.path("pitch").asDouble() == 0 && receiver.path("roll").asDouble() == 0);
        JsonNode theme = r.path("theme");
        return new SceneFacts(r.path("id").asText(), theme.isTextual() ? theme.asText() : null,
                new Room(size, room.path("meanAbsorption").asDouble(), room.path("rt60").path("eyring").asDouble(),
                        room.path("category").asText(), room.path("reverb").asText()), listener, sources);
    }

    private static String said(String transcript) {
        return transcript == null || transcript.isBlank() ? null : transcript.strip();
    }

    /** The largest distance from the listener to a corner of the room, in metres. */
    public double reach() {
        double[] size = room.size(), p = listener.position();
        double dx = Math.max(p[0], size[0] - p[0]), dy = Math.max(p[1], size[1] - p[1]), dz = Math.max(p[2], size[2] - p[2]);
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /**
     * The largest distance from the listener to a point of the room in a sector as the listener
     * hears it; only for a {@link Listener#level() level} listener.
     */
    public double reach(DirectionWords.Sector sector) {
        if (!listener.level()) {
            throw new IllegalStateException(id + ": the listener pitches or rolls, so its sectors are not wedges of the floor plan");
        }
        return RoomReach.farthest(room.size(), listener.position(), listener.yaw(), sector);
    }

    /** The sources, the nearest first or the farthest first. */
    public List<Source> byDistance(boolean nearestFirst) {
        Comparator<Source> near = Comparator.comparingDouble(Source::distance);
        return sources.stream().sorted(nearestFirst ? near : near.reversed()).toList();
    }

    /** The largest distance a question offers as a wrong answer in this room: 1.5 times its reach, at least 4 m. */
    double plausibleDistance() {
        return Math.max(4, 1.5 * reach());
    }

    /** The sources of a class. */
    public List<Source> ofClass(String classId) {
        return sources.stream().filter(s -> classId != null && classId.equals(s.classId())).toList();
    }

    /** True when exactly one source has this class (so a question can name it). */
    public boolean uniqueClass(Source s) {
        return s.classId() != null && sourcesOf(s.classId()) == 1;
    }

    /** True when some source has this class. */
    public boolean hasClass(String classId) {
        return classId != null && sourcesOf(classId) > 0;
    }

    /** How many sources have this (non-null) class. */
    private int sourcesOf(String classId) {
        int n = 0;
        for (Source s : sources) {
            if (classId.equals(s.classId())) {
                n++;
            }
        }
        return n;
    }
}
