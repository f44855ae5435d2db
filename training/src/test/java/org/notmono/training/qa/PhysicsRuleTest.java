package org.notmono.training.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.notmono.sim.scene.DirectionWords.Sector;

/**
 * Physical consistency against a hand-made room: 6 m long (x, ahead at yaw 0), 4 m wide (y, to
 * the left) and 3 m high, the listener at x 1, y 3.5 with the ears 1.5 m up, half a metre from
 * the left wall. To the left the room reaches only the wall strip between azimuths 45 and 135,
 * at most sqrt(0.5^2 + 0.5^2 + 1.5^2) = 1.66 m away; ahead it reaches the far corner on the
 * right, sqrt(5^2 + 3.5^2 + 1.5^2) = 6.28 m away.
 */
class PhysicsRuleTest {
    private static final AnswerRules RULES = new AnswerRules(TruthScenes.VOCABULARY);

    private static SceneFacts room(double yaw) {
        return new SceneFacts("hand-made", null, new SceneFacts.Room(new double[] {6, 4, 3}, 0.3, 0.5, "medium", "moderate"),
                new SceneFacts.Listener(new double[] {1, 3.5, 1.5}, yaw, true),
                List.of(new SceneFacts.Source(0, "dog_bark", 0, 0, 2, null), new SceneFacts.Source(1, "piano", 180, 0, 1, null)));
    }

    @Test
    void theRoomReachesAsFarAsItsWallsInEachDirection() {
        SceneFacts s = room(0);
        assertEquals(Math.sqrt(0.25 + 0.25 + 2.25), s.reach(Sector.LEFT), 1e-9);
        assertEquals(Math.sqrt(25 + 12.25 + 2.25), s.reach(Sector.FRONT), 1e-9);
        // behind: where the wedge's edge at azimuth -135 meets the back wall, 1 m behind and 1 m to the right
        assertEquals(Math.sqrt(1 + 1 + 2.25), s.reach(Sector.BEHIND), 1e-9);
        // turned to face the left wall, the room's length is on the listener's right
        assertEquals(s.reach(Sector.LEFT), room(90).reach(Sector.FRONT), 1e-9);
        assertEquals(s.reach(Sector.FRONT), room(90).reach(Sector.RIGHT), 1e-9);
    }

    @Test
    void threeMetresToTheLeftIsImpossibleAndFiveMetresAheadIsPossible() {
        List<String> claims = List.of("piano|5|front", "dog_bark|3|left", "dog_bark|1|right", "piano|1.5|behind");
        Query q = new Query(List.of(), Map.of(), claims);
        assertEquals(List.of(1), RULES.candidates(Family.PHYSICS, q, Perception.truth(room(0))));
        // facing the left wall, 5 m ahead is beyond it and 3 m to the right runs along the room
        assertEquals(List.of(0), RULES.candidates(Family.PHYSICS, new Query(List.of(), Map.of(),
                List.of("piano|5|front", "dog_bark|3|right", "dog_bark|1|left", "piano|0.5|behind")), Perception.truth(room(90))));
    }

    @Test
    void generatedItemsPutOneClaimInEachSectorAndTheThoughtCitesThePositionAndTheReach() {
        QaGenerator generator = new QaGenerator(TruthScenes.VOCABULARY, Phrasings.standard(), Phrasings.Set.ALL);
        SceneFacts s = room(0);
        java.util.Set<Integer> ranks = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            QaItem q = generator.generate(s, "clip.wav", Family.PHYSICS, QaKind.MCQ, seed, 0).orElseThrow();
            assertEquals(List.of(q.answerIndex()), RULES.candidates(Family.PHYSICS, q.query(), Perception.truth(s)), q.options().toString());
            String[] impossible = q.query().values().get(q.answerIndex()).split("\\|");
            assertTrue(Double.parseDouble(impossible[1]) >= 1.3 * s.reach(Sector.of(impossible[2])), q.answerText());
            assertEquals(4, q.query().values().stream().map(v -> v.split("\\|")[2]).distinct().count(), q.options().toString());
            assertTrue(q.think().contains("6.0 x 4.0 x 3.0 m") && q.think().contains("1.0, 3.5 m") && q.think().contains("1.5 m up")
                    && q.think().contains("1.7 m to my left") && q.think().contains("6.3 m in front of me"), q.think());
            assertEquals(List.of("/room/size", "/receiver/position"), q.facts());
            ranks.add((int) q.query().values().stream().filter(v -> Double.parseDouble(v.split("\\|")[1]) < Double.parseDouble(impossible[1]))
                    .count());
        }
        // 2.5 m to the left is impossible with 1.5 m behind and up to 4 or 5 m to the right or ahead: ranks 1 to 3
        assertEquals(java.util.Set.of(1, 2, 3), ranks, "the impossible distance is not always the largest");
    }
}
