package org.notmono.training.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.notmono.sim.scene.Angles;
import org.notmono.sim.scene.DirectionWords;
import org.notmono.sim.scene.DirectionWords.Height;
import org.notmono.sim.scene.DirectionWords.Sector;

/**
 * The reasoning states a direction's words before its number: the side ("to your left") comes
 * first and the azimuth follows as its support, the height before the elevation, and a turn of
 * the listener is reasoned by sectors, over the items of a few hundred random scenes.
 */
class QaReasoningTest {
    private static final List<JsonNode> SCENES = new ArrayList<>();
    private static final Map<String, JsonNode> BY_ID = new HashMap<>();

    static {
        for (long seed : new long[] {100, 2024}) {
            SCENES.addAll(TruthScenes.rtsds(seed, 150));
        }
        SCENES.forEach(s -> BY_ID.put(s.path("id").asText(), s));
    }

    private static final List<QaItem> COT = items(QaKind.COT, 11);
    private static final List<QaItem> MCQ = items(QaKind.MCQ, 12);
    private static final Pattern AZIMUTH = Pattern.compile("azimuth (?:of )?(-?\\d+) degrees");
    private static final Pattern ELEVATION = Pattern.compile("elevation (?:of )?(-?\\d+) degrees");
    private static final String SIDE = "(in front of you|to your left|to your right|behind you)";
    /** A rotation's reasoning: where the source is, the turn, where its sector moves and where it will be. */
    private static final Pattern ROTATE = Pattern.compile("I hear (.+) " + SIDE + ", at an azimuth of (-?\\d+) degrees\\. If I (.+), what is "
            + SIDE + " moves " + SIDE + ", so it will be " + SIDE + "\\.");

    /** How far the room reaches each way, as a physical-consistency reasoning states it. */
    private static final Pattern REACH = Pattern.compile(
            "it reaches (\\d+\\.\\d) m in front of me, (\\d+\\.\\d) m to my left, (\\d+\\.\\d) m to my right and (\\d+\\.\\d) m behind me");
    /** A physical-consistency option: "The music is about 3 m away, to your left." */
    private static final Pattern CLAIM = Pattern.compile("(.+) is about ([\\d.]+) m away, " + SIDE + "\\.");

    private static List<QaItem> items(QaKind kind, long seed) {
        List<DatasetRtsds.Scene> scenes = SCENES.stream().map(s -> new DatasetRtsds.Scene(s, "clip.wav")).toList();
        return new QaCorpus(new QaGenerator(TruthScenes.VOCABULARY, Phrasings.standard(), Phrasings.Set.ALL))
                .make(scenes, List.of(Family.values()), kind, seed);
    }

    private static List<QaItem> reasoned() {
        List<QaItem> all = new ArrayList<>(COT);
        all.addAll(MCQ);
        return all;
    }

    @Test
    void everyStatedAzimuthFollowsItsSideAndHasItsSign() {
        Map<Family, Integer> stated = new EnumMap<>(Family.class);
        Set<Sector> sides = new HashSet<>();
        for (QaItem q : reasoned()) {
            String think = q.think();
            Matcher m = AZIMUTH.matcher(think);
            int numbers = 0;
            while (m.find()) {
                numbers++;
                Sector side = lastBefore(think, m.start(), Sector.values());
                assertTrue(side != null, q.id() + ": an azimuth with no side before it: " + think);
                int degrees = Integer.parseInt(m.group(1));
                if (side == Sector.LEFT) {
                    assertTrue(degrees > 0, q.id() + ": to the left at " + degrees + ": " + think);
                } else if (side == Sector.RIGHT) {
                    assertTrue(degrees < 0, q.id() + ": to the right at " + degrees + ": " + think);
                }
                sides.add(side);
                stated.merge(q.family(), 1, Integer::sum);
            }
            assertEquals(numbers, count(think, "azimuth"), q.id() + ": an azimuth stated otherwise: " + think);
            assertFalse(think.contains("becomes"), q.id() + ": degree arithmetic: " + think);
        }
        assertEquals(Set.of(Sector.values()), sides);
        for (Family f : List.of(Family.AZIMUTH, Family.ATTRIBUTE, Family.LOCATION_OF, Family.ID_AT, Family.RELATIVE_DIRECTION,
                Family.ROTATE, Family.REMOVAL, Family.MULTIHOP)) {
            assertTrue(stated.getOrDefault(f, 0) >= 50, f.id() + " states azimuths: " + stated);
        }
    }

    @Test
    void everyStatedElevationFollowsItsHeightAndHasItsSign() {
        Map<Family, Integer> stated = new EnumMap<>(Family.class);
        for (QaItem q : reasoned()) {
            String think = q.think();
            Matcher m = ELEVATION.matcher(think);
            int numbers = 0;
            while (m.find()) {
                numbers++;
                Height height = lastBefore(think, m.start(), Height.values());
                assertTrue(height != null, q.id() + ": an elevation with no height before it: " + think);
                int degrees = Integer.parseInt(m.group(1));
                if (height == Height.ABOVE || height == Height.OVERHEAD) {
                    assertTrue(degrees > 0, q.id() + ": above at " + degrees + ": " + think);
                } else if (height == Height.BELOW) {
                    assertTrue(degrees < 0, q.id() + ": below at " + degrees + ": " + think);
                }
                stated.merge(q.family(), 1, Integer::sum);
            }
            assertEquals(numbers, count(think, "elevation"), q.id() + ": an elevation stated otherwise: " + think);
        }
        assertTrue(stated.getOrDefault(Family.ELEVATION, 0) >= 50 && stated.getOrDefault(Family.RELATIVE_DIRECTION, 0) >= 50,
                "elevations stated: " + stated);
    }

    @Test
    void eachSourcesSideFromTheTruthComesBetweenItsNameAndItsAzimuth() {
        int checked = 0;
        for (QaItem q : reasoned()) {
            JsonNode rtsd = BY_ID.get(q.scene());
            for (String pointer : q.facts()) {
                if (!pointer.endsWith("/azimuth")) {
                    continue;
                }
                JsonNode source = rtsd.at(pointer.substring(0, pointer.length() - "/azimuth".length()));
                double azimuth = source.path("azimuth").asDouble();
                String noun = TruthScenes.VOCABULARY.noun(source.path("class").asText());
                String think = q.think();
                int named = think.indexOf(noun);
                Matcher m = Pattern.compile("azimuth (of )?" + Math.round(azimuth) + " degrees").matcher(think);
                assertTrue(named >= 0 && m.find(named), q.id() + ": " + noun + " and its azimuth: " + think);
                int number = m.start();
                String side = DirectionWords.sector(azimuth).words();
                int said = think.lastIndexOf(side, number);
                assertTrue(said > named, q.id() + ": '" + side + "' does not come between " + noun + " and its azimuth: " + think);
                assertEquals(DirectionWords.sector(azimuth), lastBefore(think, number, Sector.values()),
                        q.id() + ": another side is named nearer the azimuth: " + think);
                checked++;
            }
        }
        assertTrue(checked > 3000, "sources checked " + checked);
    }

    @Test
    void aRotationIsReasonedBySectorsAndEndsInTheRightAnswer() {
        // the turns' sector lookup written out: where what was in a sector is after each turn
        Map<String, Map<Sector, Sector>> lookup = Map.of(
                "90", Map.of(Sector.FRONT, Sector.RIGHT, Sector.LEFT, Sector.FRONT, Sector.BEHIND, Sector.LEFT, Sector.RIGHT, Sector.BEHIND),
                "-90", Map.of(Sector.FRONT, Sector.LEFT, Sector.LEFT, Sector.BEHIND, Sector.BEHIND, Sector.RIGHT, Sector.RIGHT, Sector.FRONT),
                "180", Map.of(Sector.FRONT, Sector.BEHIND, Sector.LEFT, Sector.RIGHT, Sector.BEHIND, Sector.FRONT, Sector.RIGHT, Sector.LEFT));
        Set<String> seen = new HashSet<>();
        for (QaItem q : reasoned()) {
            if (q.family() != Family.ROTATE) {
                continue;
            }
            Matcher m = ROTATE.matcher(q.think());
            assertTrue(m.matches(), q.id() + ": " + q.think());
            String turn = q.query().param("turn");
            Sector was = sector(m.group(2)), moved = sector(m.group(5)), to = sector(m.group(6)), now = sector(m.group(7));
            assertEquals(ReasoningQuestions.TURNS.get(turn), m.group(4), q.id() + ": the turn as the question says it");
            assertEquals(was, moved, q.id() + ": " + q.think());
            assertEquals(to, now, q.id() + ": " + q.think());
            String right = q.query().values().get(q.kind() == QaKind.MCQ ? q.answerIndex() : 0);
            assertEquals(right, now.id(), q.id() + ": the stated sector is not the answer: " + q.think());
            assertEquals(right, lookup.get(turn).get(was).id(), q.id() + ": the lookup from the stated sector: " + q.think());
            // and the answer is where the source's azimuth turned by the degrees lies, as the answer rule reads it
            JsonNode source = subject(q);
            assertEquals(TruthScenes.VOCABULARY.noun(source.path("class").asText()), m.group(1), q.id());
            assertEquals(was, DirectionWords.sector(source.path("azimuth").asDouble()), q.id());
            assertEquals(right, DirectionWords.sector(Angles.wrapAzimuth(source.path("azimuth").asDouble() - Double.parseDouble(turn))).id(),
                    q.id());
            seen.add(turn + " " + was);
        }
        assertEquals(12, seen.size(), "every sector is turned every way: " + seen);
    }

    @Test
    void theSectorLookupAgreesWithTurningTheAzimuthAwayFromTheEdges() {
        for (String turn : ReasoningQuestions.TURNS.keySet()) {
            for (double azimuth = -180; azimuth < 180; azimuth += 0.5) {
                if (SpatialWords.clearSector(azimuth)) {
                    assertEquals(DirectionWords.sector(azimuth - Double.parseDouble(turn)),
                            ReasoningQuestions.turned(DirectionWords.sector(azimuth), turn), turn + " at " + azimuth);
                }
            }
        }
    }

    @Test
    void attributeReasoningStartsFromTheTwoClassesTheOptionsNameAndHearsOnlyTheRightOnesInTheScene() {
        int checked = 0;
        for (QaItem q : MCQ) {
            if (q.family() != Family.ATTRIBUTE) {
                continue;
            }
            List<String> values = q.query().values();
            String right = values.get(q.answerIndex()).split("\\|")[0];
            Set<String> classes = new HashSet<>();
            values.forEach(v -> classes.add(v.split("\\|")[0]));
            assertEquals(2, classes.size(), q.id() + ": " + values);
            String other = classes.stream().filter(c -> !c.equals(right)).findFirst().orElseThrow();
            Set<String> inScene = new HashSet<>();
            BY_ID.get(q.scene()).path("sources").forEach(x -> inScene.add(x.path("class").asText()));
            assertTrue(inScene.contains(right) && !inScene.contains(other), q.id() + ": " + right + " heard, " + other + " not: " + inScene);
            String heard = TruthScenes.VOCABULARY.noun(right), absent = TruthScenes.VOCABULARY.noun(other);
            String both = heard.compareTo(absent) < 0 ? heard + " and " + absent : absent + " and " + heard;
            assertTrue(q.think().startsWith("Of " + both + ", I hear only " + heard + ", "), q.id() + ": " + q.think());
            checked++;
        }
        assertTrue(checked >= 50, "attribute items with options: " + checked);
    }

    @Test
    void attributeReasoningWithoutOptionsNamesOnlyTheSourceHeard() {
        int checked = 0;
        for (QaItem q : COT) {
            if (q.family() != Family.ATTRIBUTE) {
                continue;
            }
            String right = q.query().values().getFirst().split("\\|")[0];
            String heard = TruthScenes.VOCABULARY.noun(right);
            assertTrue(q.think().startsWith("I hear " + heard + ", "), q.id() + ": " + q.think());
            BY_ID.get(q.scene()).path("sources").forEach(x -> {
                String other = TruthScenes.VOCABULARY.noun(x.path("class").asText());
                assertTrue(other.equals(heard) || !q.think().contains(other), q.id() + " names " + other + ": " + q.think());
            });
            checked++;
        }
        assertTrue(checked >= 50, "attribute items without options: " + checked);
    }

    @Test
    void eventClassReasoningListsTheFourClassesTheOptionsNameInTheirOrderAndHearsTheOneInTheScene() {
        int checked = 0;
        for (QaItem q : MCQ) {
            if (q.family() != Family.EVENT_CLASS) {
                continue;
            }
            List<String> values = q.query().values();
            Set<String> inScene = new HashSet<>();
            BY_ID.get(q.scene()).path("sources").forEach(x -> inScene.add(x.path("class").asText()));
            List<String> present = values.stream().filter(inScene::contains).toList();
            assertEquals(List.of(values.get(q.answerIndex())), present, q.id() + ": options " + values + ", scene " + inScene);
            assertEquals(q.options(), values.stream().map(TruthScenes.VOCABULARY::name).toList(), q.id() + ": values in the options' order");
            List<String> nouns = values.stream().map(TruthScenes.VOCABULARY::noun).toList();   // as the options show them
            String offered = String.join(", ", nouns.subList(0, 3)) + " and " + nouns.get(3);
            Set<String> expected = new HashSet<>();
            sidesOf(q, present.getFirst()).forEach(side -> expected.add("Of " + offered + ", I hear only "
                    + TruthScenes.VOCABULARY.noun(present.getFirst()) + ", " + side + "."));
            assertTrue(expected.contains(q.think()), q.id() + ": " + q.think() + " is none of " + expected);
            checked++;
        }
        assertTrue(checked >= 50, "event class items with options: " + checked);
    }

    @Test
    void eventClassReasoningWithoutOptionsNamesOnlyTheClassHeard() {
        int checked = 0;
        for (QaItem q : COT) {
            if (q.family() != Family.EVENT_CLASS) {
                continue;
            }
            String right = q.query().values().getFirst();
            Set<String> sides = new HashSet<>();
            sidesOf(q, right).forEach(side -> sides.add("I hear " + TruthScenes.VOCABULARY.noun(right) + ", " + side + "."));
            assertTrue(sides.contains(q.think()), q.id() + ": " + q.think() + " is none of " + sides);
            assertEquals("I can hear " + TruthScenes.VOCABULARY.noun(right) + ".", q.answer(), q.id());
            checked++;
        }
        assertTrue(checked >= 50, "event class items without options: " + checked);
    }

    @Test
    void physicsReasoningHoldsEachClaimInTheShownOrderAgainstTheRoomsReachOnItsSideAndOnlyTheRightOneLiesBeyond() {
        int checked = 0;
        for (QaItem q : MCQ) {
            if (q.family() != Family.PHYSICS) {
                continue;
            }
            Matcher m = REACH.matcher(q.think());
            assertTrue(m.find(), q.id() + ": " + q.think());
            Map<String, Double> reach = Map.of("in front of you", Double.parseDouble(m.group(1)), "to your left", Double.parseDouble(m.group(2)),
                    "to your right", Double.parseDouble(m.group(3)), "behind you", Double.parseDouble(m.group(4)));
            // the stated reach is the room's, found here by walking its walls (1 cm steps, stated to 0.1 m)
            Map<String, Double> walked = IndependentAnswers.reachBySector(BY_ID.get(q.scene()));
            Map.of("in front of you", "front", "to your left", "left", "to your right", "right", "behind you", "behind").forEach((side, id) ->
                    assertEquals(walked.get(id), reach.get(side), 0.06, q.id() + ": reach " + side));
            List<String> checks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Matcher c = CLAIM.matcher(q.options().get(i));
                assertTrue(c.matches(), q.options().get(i));
                double metres = Double.parseDouble(c.group(2)), there = reach.get(c.group(3));
                // the layout keeps every claim well clear of the wall, so the rounded reach decides as the exact one does
                assertEquals(i == q.answerIndex(), metres > there, q.id() + ": " + q.options().get(i) + " against " + there + " m");
                checks.add(Picks.lower(c.group(1)) + " about " + c.group(2) + " m away " + c.group(3) + " is "
                        + (metres > there ? "beyond " : "within ") + String.format(java.util.Locale.ROOT, "%.1f m", there));
            }
            Matcher right = CLAIM.matcher(q.options().get(q.answerIndex()));
            assertTrue(right.matches());
            String expected = q.think().substring(0, m.end()) + ". Claim by claim, " + String.join(", ", checks.subList(0, 3)) + " and "
                    + checks.get(3) + ". So " + Picks.lower(right.group(1)) + " cannot be about " + right.group(2) + " m away "
                    + right.group(3) + ": that is outside the room.";
            assertEquals(expected, q.think(), q.id());
            checked++;
        }
        assertTrue(checked >= 50, "physics items with options: " + checked);
    }

    @Test
    void physicsReasoningWithoutOptionsGoesFromTheRoomsReachToTheImpossibleClaim() {
        int checked = 0;
        for (QaItem q : COT) {
            if (q.family() != Family.PHYSICS) {
                continue;
            }
            Matcher m = REACH.matcher(q.think());
            assertTrue(m.find(), q.id() + ": " + q.think());
            Matcher right = CLAIM.matcher(q.answerText());
            assertTrue(right.matches(), q.answerText());
            assertEquals(q.think().substring(0, m.end()) + ". So " + Picks.lower(right.group(1)) + " cannot be about " + right.group(2)
                    + " m away " + right.group(3) + ": that is outside the room.", q.think(), q.id());
            checked++;
        }
        assertTrue(checked >= 50, "physics items without options: " + checked);
    }

    @Test
    void openItemsHaveNoReasoning() {
        List<DatasetRtsds.Scene> scenes = SCENES.subList(0, 50).stream().map(s -> new DatasetRtsds.Scene(s, "clip.wav")).toList();
        new QaCorpus(new QaGenerator(TruthScenes.VOCABULARY, Phrasings.standard(), Phrasings.Set.ALL))
                .make(scenes, List.of(Family.values()), QaKind.OPEN, 13).forEach(q -> assertNull(q.think(), q.id()));
    }

    /** The sides ("to your left") of the scene's sources of class {@code classId}. */
    private static Set<String> sidesOf(QaItem q, String classId) {
        Set<String> sides = new HashSet<>();
        BY_ID.get(q.scene()).path("sources").forEach(x -> {
            if (x.path("class").asText().equals(classId)) {
                sides.add(DirectionWords.sector(x.path("azimuth").asDouble()).words());
            }
        });
        return sides;
    }

    /** The source the question names (its class is unique in the scene). */
    private static JsonNode subject(QaItem q) {
        for (JsonNode s : BY_ID.get(q.scene()).path("sources")) {
            if (s.path("class").asText().equals(q.query().subject(0))) {
                return s;
            }
        }
        throw new AssertionError(q.id() + ": no source of class " + q.query().subject(0));
    }

    /** The word of {@code words} whose phrase ends last before {@code end}, or null when none comes before it. */
    private static <W extends DirectionWords.Word> W lastBefore(String text, int end, W[] words) {
        W best = null;
        int at = -1;
        for (W w : words) {
            int i = text.lastIndexOf(w.words(), end - w.words().length());
            if (i >= 0 && i > at) {
                best = w;
                at = i;
            }
        }
        return best;
    }

    private static Sector sector(String words) {
        for (Sector s : Sector.values()) {
            if (s.words().equals(words)) {
                return s;
            }
        }
        throw new AssertionError("not a sector: " + words);
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            n++;
        }
        return n;
    }
}
