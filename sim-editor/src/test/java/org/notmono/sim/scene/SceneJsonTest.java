package org.notmono.sim.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.notmono.sim.room.Point3;
import org.notmono.sim.room.TailModel;
import org.notmono.sim.room.Wall;

class SceneJsonTest {
    /** The example of DESIGN.md. */
    static final String EXAMPLE = """
            {
              "format": "notmono.scene/1",
              "sampleRate": 16000,
              "duration": 4.0,
              "room": {"size": [6.0, 5.0, 3.0], "absorption": 0.2, "maxOrder": 17, "tail": "none"},
              "receiver": {"position": [4.0, 2.0, 1.7], "yaw": 0.0, "pitch": 0.0, "roll": 0.0},
              "sources": [
                {"id": "s1", "clip": "assets:env/dog_bark.wav", "class": "dog_bark", "gainDb": 0.0,
                 "onset": 0.5, "position": [2.0, 3.0, 1.5]},
                {"id": "s2", "clip": "/data/speech.wav", "class": "female_speech", "gainDb": -3.0,
                 "onset": 0.0, "trajectory": [{"t": 0.0, "position": [1, 1, 1.5]}, {"t": 4.0, "position": [5, 1, 1.5]}]}
              ],
              "background": {"type": "diffuse-noise", "snrDb": 30.0}
            }
            """;

    @Test
    void readsTheDesignExample() {
        Scene s = SceneJson.parse(EXAMPLE);
        assertEquals(16000, s.sampleRate());
        assertEquals(0.2, s.room().effectiveAbsorption().get(Wall.NORTH));
        assertEquals(TailModel.NONE, s.room().tail());
        assertEquals(2, s.sources().size());
        assertTrue(s.sources().get(1).isMoving());
        assertEquals(new Point3(3, 1, 1.5), s.sources().get(1).positionAt(2.0));
        assertEquals(30.0, s.background().snrDb());
    }

    @Test
    void roundTripIsStable() {
        Scene s = SceneJson.parse(EXAMPLE);
        String written = SceneJson.write(s);
        assertEquals(s, SceneJson.parse(written));
        assertEquals(written, SceneJson.write(SceneJson.parse(written)));
    }

    @Test
    void perWallAbsorptionAndRt60AndDefaults() {
        String walls = EXAMPLE.replace("\"absorption\": 0.2, \"maxOrder\": 17, \"tail\": \"none\"",
                "\"absorption\": {\"floor\": 0.3, \"ceiling\": 0.2, \"north\": 0.1, \"south\": 0.1, \"east\": 0.5, \"west\": 0.6}");
        Scene s = SceneJson.parse(walls);
        assertEquals(0.6, s.room().effectiveAbsorption().get(Wall.WEST));
        assertEquals(SceneJson.DEFAULT_MAX_ORDER, s.room().maxOrder());
        assertEquals(s, SceneJson.parse(SceneJson.write(s)));
        Scene rt = SceneJson.parse(EXAMPLE.replace("\"absorption\": 0.2", "\"rt60\": 0.5"));
        assertEquals(0.2301626082126493, rt.room().effectiveAbsorption().get(Wall.FLOOR), 1e-6);
        assertEquals(rt, SceneJson.parse(SceneJson.write(rt)));
        Scene bare = SceneJson.parse(EXAMPLE.replace("\"yaw\": 0.0, \"pitch\": 0.0, \"roll\": 0.0", "\"yaw\": 10")
                .replace(",\n  \"background\": {\"type\": \"diffuse-noise\", \"snrDb\": 30.0}", ""));
        assertEquals(10, bare.receiver().orientation().yaw());
        assertNull(bare.background());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown top field | \"duration\": 4.0, | \"duration\": 4.0, \"durations\": 1, | durations: unknown field",
        "unknown nested field | \"tail\": \"none\" | \"tail\": \"none\", \"colour\": 1 | room.colour: unknown field",
        "unknown source field | \"gainDb\": -3.0, | \"gainDb\": -3.0, \"gain\": 1, | sources[1].gain: unknown field",
        "missing field | \"clip\": \"/data/speech.wav\", | '' | sources[1].clip: missing (required)",
        "missing room size | \"size\": [6.0, 5.0, 3.0], | '' | room.size: missing (required)",
        "near a wall | [2.0, 3.0, 1.5] | [0.05, 3.0, 1.5] | sources[0].position: 0.05 m from the west wall (minimum 0.1 m)",
        "outside | [2.0, 3.0, 1.5] | [2.0, 3.0, 3.5] | sources[0].position: outside the room, 0.500 m beyond the ceiling wall",
        "at the receiver | [2.0, 3.0, 1.5] | [4.0, 2.05, 1.7] | sources[0].position: 0.05 m from the receiver (minimum 0.1 m)",
        "trajectory through receiver | [5, 1, 1.5] | [4, 3, 1.7]}, {\"t\": 5.0, \"position\": [4, 1, 1.7] | the path from keyframe 1 passes",
        "absorption too high | \"absorption\": 0.2 | \"absorption\": 1.5 | room.absorption: absorption 1.5 is outside (0, 1]",
        "both absorption and rt60 | \"absorption\": 0.2 | \"absorption\": 0.2, \"rt60\": 0.4 | give exactly one of room.absorption and room.rt60",
        "unreachable rt60 | \"absorption\": 0.2 | \"rt60\": 0.01 | room.rt60: RT60 0.010 s is not reachable",
        "wrong type | \"duration\": 4.0 | \"duration\": \"long\" | duration: expected a number",
        "bad tail | \"tail\": \"none\" | \"tail\": \"long\" | room.tail: unknown tail 'long'",
        "wrong format | notmono.scene/1 | notmono.scene/9 | format: 'notmono.scene/9' is not notmono.scene/1",
        "receiver in wall | [4.0, 2.0, 1.7] | [4.0, 2.0, 2.95] | receiver.position: 0.05 m from the ceiling wall",
        "duplicate ids | \"id\": \"s2\" | \"id\": \"s1\" | sources[1].id: 's1' is used twice",
    })
    void strictErrorsNameThePath(String name, String from, String to, String message) {
        String json = EXAMPLE.replace(from, to);
        assertTrue(!json.equals(EXAMPLE), "the test edit must apply: " + from);
        SceneException e = assertThrows(SceneException.class, () -> SceneJson.parse(json));
        assertTrue(e.getMessage().contains(message), "message was: " + e.getMessage());
    }

    @Test
    void malformedJsonSaysWhere() {
        SceneException e = assertThrows(SceneException.class, () -> SceneJson.parse("{\"format\": \"notmono.scene/1\",\n \"sampleRate\": }"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void theRirHighPassIsAnOptionalFieldThatIsOffByDefault() {
        Scene off = SceneJson.parse(EXAMPLE);
        assertEquals(false, off.room().highPass());
        assertTrue(!SceneJson.write(off).contains("highPass"), "files of the default stay as they were");
        Scene on = SceneJson.parse(EXAMPLE.replace("\"tail\": \"none\"", "\"tail\": \"none\", \"highPass\": true"));
        assertTrue(on.room().highPass());
        assertTrue(on.rirRequest(new Point3(2, 3, 1.5)).options().highPass());
        assertEquals(on, SceneJson.parse(SceneJson.write(on)));
        SceneException e = assertThrows(SceneException.class,
                () -> SceneJson.parse(EXAMPLE.replace("\"tail\": \"none\"", "\"tail\": \"none\", \"highPass\": \"yes\"")));
        assertTrue(e.getMessage().contains("room.highPass"), e.getMessage());
    }
}
