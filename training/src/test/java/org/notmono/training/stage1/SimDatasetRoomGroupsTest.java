package org.notmono.training.stage1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.notmono.sim.scene.metrics.MetricsBreakdown;

/** The room groups of a scene: the RTSD's own categories, else TWNM's thresholds on its size and absorption. */
class SimDatasetRoomGroupsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Map<String, String> groups(String room) throws Exception {
        return SimDataset.roomGroups(MAPPER.readTree(room));
    }

    @Test
    void theRtsdsCategoriesWin() throws Exception {
        Map<String, String> g = groups("{\"size\": [3, 3, 2.5], \"meanAbsorption\": 0.5, \"category\": \"large\", \"reverb\": \"wet\"}");
        assertEquals("large", g.get(MetricsBreakdown.ROOM_SIZE));
        assertEquals("wet", g.get(MetricsBreakdown.REVERB));
    }

    @Test
    void withoutThemTheyFollowFromSizeAndAbsorption() throws Exception {
        // small within 5 x 5 x 3 m, medium within 10 x 10 x 4 m; wet below 0.15, moderate below 0.4
        assertEquals(Map.of(MetricsBreakdown.ROOM_SIZE, "small", MetricsBreakdown.REVERB, "wet"),
                groups("{\"size\": [5, 4, 3], \"meanAbsorption\": 0.149}"));
        assertEquals(Map.of(MetricsBreakdown.ROOM_SIZE, "medium", MetricsBreakdown.REVERB, "moderate"),
                groups("{\"size\": [5.1, 4, 3], \"meanAbsorption\": 0.15}"));
        assertEquals(Map.of(MetricsBreakdown.ROOM_SIZE, "large", MetricsBreakdown.REVERB, "dry"),
                groups("{\"size\": [10, 10, 4.5], \"meanAbsorption\": 0.4}"));
        Map<String, String> unknown = groups("{}");
        assertNull(unknown.get(MetricsBreakdown.ROOM_SIZE));
        assertNull(unknown.get(MetricsBreakdown.REVERB));
    }
}
