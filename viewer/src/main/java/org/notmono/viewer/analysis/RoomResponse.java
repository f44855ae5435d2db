package org.notmono.viewer.analysis;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.notmono.sim.room.Absorption;
import org.notmono.sim.room.DecayAnalysis;
import org.notmono.sim.room.Orientation;
import org.notmono.sim.room.Point3;
import org.notmono.sim.room.RirOptions;
import org.notmono.sim.room.RirRequest;
import org.notmono.sim.room.RoomAcoustics;
import org.notmono.sim.room.RoomSimulator;
import org.notmono.sim.room.Shoebox;
import org.notmono.sim.room.TailModel;
import org.notmono.sim.scene.ClipTruth;

/**
 * The FOA room impulse response from a scene's first source to its receiver, recomputed from
 * the RTSD (image sources of order {@value #ORDER} and the Eyring tail, as random scenes are
 * rendered), with what the decay plot shows: the Schroeder curve of W, T20 and T30 and the
 * Sabine and Eyring predictions.
 *
 * @param t20 seconds, NaN when the decay does not reach -25 dB
 * @param t30 seconds, NaN when the decay does not reach -35 dB
 */
public record RoomResponse(String sourceId, float[][] rir, int sampleRate, double[] decayDb, double t20, double t30,
                           double sabine, double eyring) {

    static final int ORDER = 17;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static RoomResponse of(RirRequest request, String sourceId) {
        float[][] rir = RoomSimulator.foa(request);
        double c = request.options().speedOfSound();
        return new RoomResponse(sourceId, rir, request.sampleRate(), DecayAnalysis.energyDecayCurve(rir[0]),
                DecayAnalysis.t20(rir[0], request.sampleRate()), DecayAnalysis.t30(rir[0], request.sampleRate()),
                RoomAcoustics.sabine(request.room(), request.absorption(), c),
                RoomAcoustics.eyring(request.room(), request.absorption(), c));
    }

    /** The first source's response from a clip's RTSD; throws naming the field when one is missing. */
    public static RoomResponse fromRtsd(ClipTruth rtsd) throws IOException {
        return fromRtsd(rtsd, null);
    }

    /** The response to the source {@code sourceId} (null: the first) of a clip's RTSD. */
    public static RoomResponse fromRtsd(ClipTruth rtsd, String sourceId) throws IOException {
        JsonNode root = MAPPER.readTree(rtsd.json());
        JsonNode room = root.path("room");
        JsonNode a = room.path("absorption");
        JsonNode receiver = root.path("receiver");
        String name = rtsd.origin();
        JsonNode source = root.path("sources").path(0);
        int index = 0;
        if (sourceId != null) {
            JsonNode sources = root.path("sources");
            index = -1;
            for (int i = 0; i < sources.size() && index < 0; i++) {
                if (sourceId.equals(sources.path(i).path("id").asText())) {
                    index = i;
                }
            }
            if (index < 0) {
                throw new IOException(name + ": no source with id '" + sourceId + "'");
            }
            source = sources.path(index);
        }
        RirRequest request = new RirRequest(
                new Shoebox(number(room.path("size").path(0), name, "room.size[0]"), number(room.path("size").path(1), name, "room.size[1]"),
                        number(room.path("size").path(2), name, "room.size[2]")),
                new Absorption(number(a.path("west"), name, "room.absorption.west"), number(a.path("east"), name, "room.absorption.east"),
                        number(a.path("south"), name, "room.absorption.south"), number(a.path("north"), name, "room.absorption.north"),
                        number(a.path("floor"), name, "room.absorption.floor"),
                        number(a.path("ceiling"), name, "room.absorption.ceiling")),
                point(source.path("position"), name, "sources[" + index + "].position"), point(receiver.path("position"), name, "receiver.position"),
                new Orientation(receiver.path("yaw").asDouble(0), receiver.path("pitch").asDouble(0), receiver.path("roll").asDouble(0)),
                (int) number(root.path("sampleRate"), name, "sampleRate"), RirOptions.pyroomacoustics(ORDER).withTail(TailModel.EYRING));
        return of(request, source.path("id").asText("s1"));
    }

    private static Point3 point(JsonNode p, String file, String path) throws IOException {
        return new Point3(number(p.path(0), file, path + "[0]"), number(p.path(1), file, path + "[1]"), number(p.path(2), file, path + "[2]"));
    }

    private static double number(JsonNode n, String file, String path) throws IOException {
        if (!n.isNumber()) {
            throw new IOException(file + ": $." + path + ": expected a number");
        }
        return n.asDouble();
    }
}
