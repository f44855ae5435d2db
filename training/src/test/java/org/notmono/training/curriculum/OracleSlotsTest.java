package org.notmono.training.curriculum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.notmono.model.encoder.Directions;
import org.notmono.model.encoder.EncoderOutput;
import org.notmono.model.encoder.SlotDecoding;
import org.notmono.sim.scene.Slot;

/**
 * A scene's truth in the encoder's output shape decodes, through the same {@link SlotDecoding}
 * the encoder's outputs go through, back to the RTSD's sources: the count from existence, each
 * source's class (but for rare noise), its direction within the noise and its distance within 10% noise; the room
 * as ln(surface) and mean absorption; the frames are the clip's own.
 */
class OracleSlotsTest {
    private static final List<String> CLASSES = List.of("dog_bark", "speech", "piano", "footsteps", "door", "phone_ring");
    private static final String RTSD = """
            {"id": "s1", "room": {"surface": 94.0, "meanAbsorption": 0.31},
             "sources": [{"class": "speech", "azimuth": 30, "elevation": 5, "distance": 1.5},
                         {"class": "piano", "azimuth": -120, "elevation": -30, "distance": 4.0},
                         {"class": "door", "azimuth": 170, "elevation": 40, "distance": 2.5}]}""";

    @Test
    void theTruthDecodesBackToTheScenesSources() throws Exception {
        JsonNode rtsd = new ObjectMapper().readTree(RTSD);
        double worstAngle = 0;
        double sumAngle = 0;
        int matched = 0;
        int rightClass = 0;
        try (NDManager m = NDManager.newBaseManager()) {
            NDList heard = heardShape(m);
            for (int seed = 0; seed < 50; seed++) {
                EncoderOutput truth = OracleSlots.of(rtsd, heard, CLASSES, new Random(seed), m);
                assertSame(heard.get(7), truth.semanticFrames());
                float[] room = truth.room().toFloatArray();
                assertEquals(Math.log(94.0), room[0], 0.3);
                assertEquals(0.31, room[1], 0.1);
                List<Slot> present = new ArrayList<>(SlotDecoding.decode(truth, CLASSES).getFirst().stream()
                        .filter(s -> s.existence() > 0.5).toList());
                assertEquals(3, present.size(), "seed " + seed);
                for (JsonNode source : rtsd.path("sources")) {
                    double[] v = Directions.toVector(source.path("azimuth").asDouble(), source.path("elevation").asDouble());
                    Slot nearest = present.stream().min(Comparator.comparingDouble(s -> -cosine(v, s))).orElseThrow();
                    double angle = Math.toDegrees(Math.acos(Math.min(1, cosine(v, nearest))));
                    worstAngle = Math.max(worstAngle, angle);
                    sumAngle += angle;
                    matched++;
                    rightClass += source.path("class").asText().equals(nearest.classId()) ? 1 : 0;
                    assertEquals(Math.log(source.path("distance").asDouble()), Math.log(nearest.distance()), 0.45, "seed " + seed);
                }
            }
        }
        assertTrue(sumAngle / matched > 2 && sumAngle / matched < 10, "mean angle " + sumAngle / matched);
        assertTrue(worstAngle < 25, "worst angle " + worstAngle);
        // the class logits' noise (N(0, 1) beside a margin of 5) names another class now and then, as an encoder would
        assertTrue(rightClass >= 0.95 * matched && rightClass < matched, rightClass + " of " + matched + " classes right");
    }

    private static double cosine(double[] v, Slot s) {
        double[] w = Directions.toVector(s.azimuth(), s.elevation());
        return v[0] * w[0] + v[1] * w[1] + v[2] * w[2];
    }

    /** Encoder outputs of one clip with 4 slots (values irrelevant but the frames and parts). */
    private static NDList heardShape(NDManager m) {
        return new NDList(m.zeros(new Shape(1, 4)), m.zeros(new Shape(1, 4, 3)), m.zeros(new Shape(1, 4)),
                m.zeros(new Shape(1, 4, CLASSES.size())), m.zeros(new Shape(1, 2)), m.ones(new Shape(1, 8)), m.ones(new Shape(1, 8)),
                m.ones(new Shape(1, 16, 8)));
    }
}
