package org.notmono.sim.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SlotJsonTest {

    @Test
    void writesTheDesignShapeAndReadsItBack() {
        SlotPrediction p = new SlotPrediction(List.of(new Slot(153.4, -5.1, 2.24, "dog_bark", Map.of("dog_bark", 0.8), 0.93),
                Slot.direction(-30, 10, 0.2)), 1,
                List.of(new SlotPrediction.SlotFrame(0.1, List.of(Slot.direction(150, -5, 0.9)))));
        String json = SlotJson.line(p);
        assertTrue(json.startsWith("{\"slots\":[{\"azimuth\":153.4,\"elevation\":-5.1,\"distance\":2.24,\"class\":\"dog_bark\","
                + "\"classScores\":{\"dog_bark\":0.8},\"existence\":0.93},"
                + "{\"azimuth\":-30.0,\"elevation\":10.0,\"distance\":null,\"class\":null,\"existence\":0.2}],\"count\":1"), json);
        assertEquals(p, SlotJson.parse(json));
    }

    @Test
    void azimuthsWrapIntoTheConventionRange() {
        assertEquals(-180, Slot.direction(180, 0, 1).azimuth());
        assertEquals(-90, Slot.direction(270, 0, 1).azimuth());
        assertEquals(179, Slot.direction(-181, 0, 1).azimuth(), 1e-12);
    }

    @Test
    void badInputNamesTheJsonPath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SlotJson.parse("{\"slots\": [{\"azimuth\": 1, \"elevation\": 100, \"existence\": 1}], \"count\": 1}"));
        assertTrue(e.getMessage().startsWith("$.slots[0]: "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SlotJson.parse("{\"slots\": [{\"azimuth\": 1}], \"count\": 1}"));
        assertEquals("$.slots[0].elevation: expected a number", e.getMessage());
    }

    @Test
    void anglesBetweenDirectionsAreGreatCircleAngles() {
        assertEquals(90, Angles.between(0, 0, 90, 0), 1e-9);
        assertEquals(90, Angles.between(45, 0, 0, 90), 1e-9);
        assertEquals(2, Angles.between(179, 0, -179, 0), 1e-9);
        assertEquals(1e-4, Angles.between(10, 20, 10, 20.0001), 1e-9);
    }
}
