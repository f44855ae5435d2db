package org.notmono.sim.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every reference RIR of pyroomacoustics 0.10.1 (omni raw, omni high-passed, FOA), read as cases.json says. */
class PyroomacousticsReferenceTest {

    static Stream<Arguments> cases() throws IOException {
        JsonNode root;
        try (InputStream in = resource("cases.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            for (String kind : List.of("omni_raw", "omni_hpf", "foa")) {
                out.add(Arguments.of(c.get("tag").asText() + " " + kind, c, kind));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesReference(String name, JsonNode c, String kind) throws IOException {
        int fs = c.get("fs").asInt();
        RirRequest req = request(c, kind.equals("omni_hpf"));
        float[][] ours = kind.equals("foa") ? RoomSimulator.foa(req) : new float[][] {RoomSimulator.omni(req)};
        int length = c.get("length").asInt();
        float[] ref = readF32(c.get("files").get(kind).asText());
        assertEquals(ours.length * length, ref.length, "reference size");
        double peak = 0, maxDiff = 0, eRef = 0, eOurs = 0;
        for (int ch = 0; ch < ours.length; ch++) {
            assertEquals(length, ours[ch].length, "length of channel " + ch);
            for (int i = 0; i < length; i++) {
                double r = ref[ch * length + i], o = ours[ch][i];
                peak = Math.max(peak, Math.abs(r));
                maxDiff = Math.max(maxDiff, Math.abs(r - o));
                eRef += r * r;
                eOurs += o * o;
            }
        }
        assertTrue(maxDiff <= 2e-3 * peak, "max |diff| " + maxDiff + " > 2e-3 x peak " + peak + " at " + fs + " Hz");
        assertEquals(1.0, eOurs / eRef, 0.005, "energy ratio");
    }

    static RirRequest request(JsonNode c, boolean highPass) {
        JsonNode room = c.get("room"), s = c.get("source"), r = c.get("receiver");
        return new RirRequest(new Shoebox(room.get(0).asDouble(), room.get(1).asDouble(), room.get(2).asDouble()),
                Absorption.uniform(c.get("energy_absorption").asDouble()),
                new Point3(s.get(0).asDouble(), s.get(1).asDouble(), s.get(2).asDouble()),
                new Point3(r.get(0).asDouble(), r.get(1).asDouble(), r.get(2).asDouble()),
                Orientation.FRONT, c.get("fs").asInt(),
                RirOptions.pyroomacoustics(c.get("max_order").asInt()).withHighPass(highPass));
    }

    static InputStream resource(String name) {
        InputStream in = PyroomacousticsReferenceTest.class.getResourceAsStream("/pyroomacoustics/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource /pyroomacoustics/" + name);
        }
        return in;
    }

    static float[] readF32(String name) throws IOException {
        try (InputStream in = resource(name)) {
            ByteBuffer b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            float[] out = new float[b.remaining() / 4];
            b.asFloatBuffer().get(out);
            return out;
        }
    }
}
