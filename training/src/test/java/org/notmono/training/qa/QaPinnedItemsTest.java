package org.notmono.training.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Items of fixed scenes and seed whose questions, options and answers were taken from the
 * generator before its reasoning named the side first (commit 225e870): rewording the reasoning
 * must leave them, and the random draws behind them, as they were. One answer was reworded on
 * purpose since: query ID given location names the class with "the" (06e4979; "a guitar" before).
 * The event-class pin was taken later, at 5b2f789, when its reasoning began to list the offered
 * classes in the order shown; the physical-consistency pin later still, when its reasoning began
 * to hold each offered claim against the room (its question, options and letter are those the
 * generator made before).
 */
class QaPinnedItemsTest {
    private static final long SEED = 7;

    /** Item {@code index} (scene {@code index} of scene seed 100) of a family: its question, its options and both answers. */
    private record Pin(int index, Family family, String question, List<String> options, String letter, String sentence) {
    }

    private static final List<Pin> PINS = List.of(
            new Pin(2, Family.ROTATE, "What direction would the glass breaking have after you turn around to face the opposite way?",
                    List.of("In front of you", "To your left", "Behind you", "To your right"), "D",
                    "After you turn around to face the opposite way, the glass breaking is to your right."),
            new Pin(5, Family.RELATIVE_DIRECTION, "Where does the woodwind sit in relation to the man speaking?",
                    List.of("To the right of the man speaking and closer to you", "To the left of the man speaking and farther from you",
                            "To the right of the man speaking and farther from you", "To the left of the man speaking and closer to you"),
                    "A", "The woodwind is to the right of the man speaking and closer to you."),
            new Pin(6, Family.LOCATION_OF, "Where does the woodwind come from, and how far away is it?",
                    List.of("To your left, about 12 m away", "To your right, about 12 m away", "To your right, about 4 m away",
                            "To your left, about 4 m away"), "C", "The woodwind is to your right, about 4 m away."),
            new Pin(7, Family.ATTRIBUTE, "Pick the accurate description of a source in the room.",
                    List.of("The vacuum cleaner is in front of you, about 4 m away.", "The man speaking is in front of you, about 6 m away.",
                            "The vacuum cleaner is to your right, about 6 m away.", "The man speaking is to your right, about 4 m away."),
                    "B", "The man speaking is in front of you, about 6 m away."),
            new Pin(8, Family.AZIMUTH, "Tell me the direction of the man speaking around you.",
                    List.of("In front of you", "Behind you", "To your right", "To your left"), "C", "The man speaking is to your right."),
            new Pin(9, Family.ID_AT, "Identify the source to your right, about 2 m away.",
                    List.of("Engine", "Water tap running", "Bowed strings", "Guitar"), "D",
                    "The sound to your right, about 2 m away is the guitar."),
            new Pin(10, Family.ELEVATION, "At what height is the telephone ringing relative to your ears?",
                    List.of("Above you", "At about ear height", "Below you", "Directly overhead"), "B",
                    "The telephone ringing is at about ear height."),
            new Pin(11, Family.REMOVAL, "If you could no longer hear the man speaking, which of the following would be true?",
                    List.of("Exactly one sound source remains, and the horse neigh can still be heard to your left.",
                            "Exactly one sound source remains, and the horse neigh can still be heard to your right.",
                            "2 sound sources remain, and the horse neigh can still be heard to your left.",
                            "2 sound sources remain, and the horse neigh can still be heard to your right."),
                    "A", "Exactly one sound source remains, and the horse neigh can still be heard to your left."),
            new Pin(13, Family.MULTIHOP, "What is the farthest sound, and from which side?",
                    List.of("The man speaking, to your left", "The footsteps, in front of you", "The man speaking, in front of you",
                            "The footsteps, to your left"), "C", "The man speaking, in front of you."),
            new Pin(4, Family.EVENT_CLASS, "Pick the sound that occurs in this recording.",
                    List.of("Horse neigh", "Bowed strings", "Kettle", "Female speech"), "D", "I can hear the woman speaking."));

    /** Not in {@link #PINS}: its reasoning with options walks the claims, so it is more than the one without plus an opening. */
    private static final Pin PHYSICS = new Pin(0, Family.PHYSICS, "Check each claim against the enclosure; which one breaks physics?",
            List.of("The telephone ringing is about 1 m away, behind you.", "The dishes and glasses is about 2 m away, to your left.",
                    "The clock ticking is about 3 m away, to your right.", "The dishes and glasses is about 2.5 m away, in front of you."),
            "C", "Impossible: the clock ticking is about 3 m away, to your right.");

    private static QaItem item(Pin p, QaKind kind) {
        QaGenerator generator = new QaGenerator(TruthScenes.VOCABULARY, Phrasings.standard(), Phrasings.Set.ALL);
        return generator.generate(SceneFacts.of(TruthScenes.rtsd(100, p.index())), "clip.wav", p.family(), kind, SEED, p.index(), 0)
                .orElseThrow(() -> new AssertionError(p.family().id() + " of scene " + p.index() + " is not made"));
    }

    @Test
    void theQuestionsOptionsAndAnswersAreThoseMadeBeforeTheReasoningChanged() {
        for (Pin p : PINS) {
            QaItem mcq = item(p, QaKind.MCQ), cot = item(p, QaKind.COT);
            String id = String.format("s100-%06d/%s", p.index(), p.family().id());
            assertEquals(id + "/mcq", mcq.id());
            assertEquals(p.question(), mcq.question(), mcq.id());
            assertEquals(p.options(), mcq.options(), mcq.id());
            assertEquals(p.letter(), mcq.answer(), mcq.id());
            assertEquals(p.question(), cot.question(), cot.id());
            assertEquals(p.sentence(), cot.answer(), cot.id());
            // one reasoning for both kinds, but that without options it does not open with the options' classes
            assertEquals(mcq.think().replaceFirst("^Of .+?, I hear only ", "I hear "), cot.think(), mcq.id());
        }
    }

    @Test
    void theEventClassReasoningListsTheOfferedClassesAsTheOptionsShowThem() {
        assertEquals("Of the horse neigh, the bowed strings, the kettle and the woman speaking, I hear only the woman speaking, to your left.",
                item(PINS.getLast(), QaKind.MCQ).think());
    }

    @Test
    void thePhysicsReasoningHoldsEachClaimAsTheOptionsShowThemAgainstTheRoomsReachOnItsSide() {
        QaItem mcq = item(PHYSICS, QaKind.MCQ), cot = item(PHYSICS, QaKind.COT);
        assertEquals(PHYSICS.question(), mcq.question());
        assertEquals(PHYSICS.options(), mcq.options());
        assertEquals(PHYSICS.letter(), mcq.answer());
        assertEquals(PHYSICS.sentence(), cot.answer());
        String room = "The room is 5.5 x 5.8 x 3.2 m and I stand at 2.1, 0.8 m on its floor with my ears 1.7 m up. From here it reaches "
                + "5.1 m in front of me, 6.3 m to my left, 2.1 m to my right and 3.4 m behind me. ";
        String conclusion = "So the clock ticking cannot be about 3 m away to your right: that is outside the room.";
        assertEquals(room + "Claim by claim, the telephone ringing about 1 m away behind you is within 3.4 m, the dishes and glasses about "
                + "2 m away to your left is within 6.3 m, the clock ticking about 3 m away to your right is beyond 2.1 m and the dishes and "
                + "glasses about 2.5 m away in front of you is within 5.1 m. " + conclusion, mcq.think());
        assertEquals(room + conclusion, cot.think());
    }

    @Test
    void theReasoningOfPinnedItemsNamesTheSideFirst() {
        assertEquals("I hear the glass breaking to your left, at an azimuth of 61 degrees. If I turn around to face the opposite way, what "
                + "is to your left moves to your right, so it will be to your right.", item(PINS.get(0), QaKind.MCQ).think());
        assertEquals("I hear the man speaking to your right: its azimuth of -100 degrees is between 45 and 135 degrees to the right.",
                item(PINS.get(4), QaKind.MCQ).think());
        assertEquals("I hear the telephone ringing at about ear height, arriving from an elevation of 9 degrees.",
                item(PINS.get(6), QaKind.MCQ).think());
    }

    @Test
    void theSameSeedMakesTheSameItemsEveryKind() {
        for (QaKind kind : QaKind.values()) {
            for (Pin p : PINS) {
                assertEquals(QaJson.line(item(p, kind)), QaJson.line(item(p, kind)), p.family() + " " + kind);
            }
        }
    }
}
