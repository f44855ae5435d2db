package org.notmono.sim.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.DoubleFunction;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.notmono.sim.scene.DirectionWords.Height;
import org.notmono.sim.scene.DirectionWords.Sector;
import org.notmono.sim.scene.DirectionWords.Word;

/** DESIGN.md's "Directions in words": the thresholds, the ids and the words every user of them reads. */
class DirectionWordsTest {

    @Test
    void sectorsFollowDesignThresholds() {
        // front |az| < 45; left 45 <= az < 135; right -135 < az <= -45; behind |az| >= 135 (after wrapping)
        assertMapped(DirectionWords::sector, 0.0, Sector.FRONT, 44.9, Sector.FRONT, -44.9, Sector.FRONT, 45.0, Sector.LEFT,
                134.9, Sector.LEFT, 135.0, Sector.BEHIND, 180.0, Sector.BEHIND, -135.0, Sector.BEHIND, -134.9, Sector.RIGHT,
                -45.0, Sector.RIGHT, 405.0, Sector.LEFT, -315.0, Sector.LEFT);
    }

    @Test
    void heightsFollowDesignThresholds() {
        // above el > 20, below el < -20, ear height in between; overhead from 60
        assertMapped(DirectionWords::height, 0.0, Height.EAR, 20.0, Height.EAR, -20.0, Height.EAR, 20.1, Height.ABOVE,
                59.9, Height.ABOVE, 60.0, Height.OVERHEAD, 90.0, Height.OVERHEAD, -20.1, Height.BELOW, -90.0, Height.BELOW);
    }

    @Test
    void idsAndWordsAreDesignsAndRoundTrip() {
        assertWord(Sector.FRONT, "front", "in front of you", Sector::of);
        assertWord(Sector.LEFT, "left", "to your left", Sector::of);
        assertWord(Sector.RIGHT, "right", "to your right", Sector::of);
        assertWord(Sector.BEHIND, "behind", "behind you", Sector::of);
        assertWord(Height.ABOVE, "above", "above you", Height::of);
        assertWord(Height.EAR, "ear", "at about ear height", Height::of);
        assertWord(Height.BELOW, "below", "below you", Height::of);
        assertWord(Height.OVERHEAD, "overhead", "directly overhead", Height::of);
        assertEquals(4, Sector.values().length, "every sector is checked above");
        assertEquals(4, Height.values().length, "every height is checked above");
    }

    @Test
    void unknownIdsAreRefusedByName() {
        assertEquals("unknown sector up", assertThrows(IllegalArgumentException.class, () -> Sector.of("up")).getMessage());
        assertEquals("unknown height left", assertThrows(IllegalArgumentException.class, () -> Height.of("left")).getMessage());
        assertEquals("unknown sector FRONT", assertThrows(IllegalArgumentException.class, () -> Sector.of("FRONT")).getMessage());
    }

    private static void assertMapped(DoubleFunction<Word> map, Object... angleThenWord) {
        for (int i = 0; i < angleThenWord.length; i += 2) {
            double angle = (Double) angleThenWord[i];
            assertEquals(angleThenWord[i + 1], map.apply(angle), "angle " + angle);
        }
    }

    private static void assertWord(Word word, String id, String words, Function<String, Word> of) {
        assertEquals(id, word.id());
        assertEquals(words, word.words());
        assertSame(word, of.apply(id));
    }
}
