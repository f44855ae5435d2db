package org.notmono.training.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.notmono.sim.scene.DirectionWords;
import org.notmono.sim.scene.DirectionWords.Height;
import org.notmono.sim.scene.DirectionWords.Sector;

/**
 * The words for directions on and beside DESIGN.md's boundaries: front |az| &lt; 45; left
 * 45 &lt;= az &lt; 135; right -135 &lt; az &lt;= -45; behind |az| &gt;= 135; above el &gt; 20;
 * below el &lt; -20; ear height |el| &lt;= 10.
 */
class SpatialWordsTest {

    @ParameterizedTest(name = "az {0} is {1}")
    @CsvSource({
        "0, FRONT", "44.999, FRONT", "45, LEFT", "134.999, LEFT", "135, BEHIND", "180, BEHIND",
        "-44.999, FRONT", "-45, RIGHT", "-134.999, RIGHT", "-135, BEHIND", "-180, BEHIND",
        "405, LEFT", "-270, LEFT", "-225, BEHIND", "225, BEHIND", "315, RIGHT",
    })
    void sectorsOnTheirBoundaries(double azimuth, Sector expected) {
        assertEquals(expected, DirectionWords.sector(azimuth));
    }

    /** Every half degree round the circle, the sector is the one DESIGN.md's inequalities pick. */
    @Test
    void sectorsFollowTheDesignRulesAllRound() {
        for (double az = -180; az < 180; az += 0.5) {
            Sector design = Math.abs(az) < 45 ? Sector.FRONT : az >= 45 && az < 135 ? Sector.LEFT
                    : az > -135 && az <= -45 ? Sector.RIGHT : Sector.BEHIND;
            assertEquals(design, DirectionWords.sector(az), "az " + az);
        }
    }

    @ParameterizedTest(name = "el {0} is {1}")
    @CsvSource({
        "20.001, ABOVE", "20, EAR", "10, EAR", "0, EAR", "-10, EAR", "-20, EAR", "-20.001, BELOW", "59.9, ABOVE", "60, OVERHEAD",
    })
    void heightsOnTheirBoundaries(double elevation, Height expected) {
        assertEquals(expected, DirectionWords.height(elevation));
    }

    /** A question names a height only 10 degrees clear of its boundary: ear height up to 10, above from 30, below from -30. */
    @ParameterizedTest(name = "el {0} may be named {1}")
    @CsvSource({
        "10, EAR", "-10, EAR", "10.001, ''", "-10.001, ''", "20, ''", "-20, ''", "30, ''", "30.001, ABOVE", "-30, ''",
        "-30.001, BELOW", "49.999, ABOVE", "50, ''",
    })
    void clearHeightsKeepTheMargin(double elevation, String expected) {
        Height h = SpatialWords.clearHeight(elevation);
        if (expected.isEmpty()) {
            assertNull(h, "el " + elevation);
        } else {
            assertEquals(Height.valueOf(expected), h);
        }
    }

    @ParameterizedTest(name = "az {0} clear of the boundaries: {1}")
    @CsvSource({
        "0, true", "35, true", "35.001, false", "55, true", "54.999, false", "125, true", "125.001, false", "145, true",
        "144.999, false", "-35, true", "-35.001, false", "-145, true", "-144.999, false", "180, true",
    })
    void clearSectorsKeepTheMargin(double azimuth, boolean clear) {
        assertEquals(clear, SpatialWords.clearSector(azimuth));
    }

    @Test
    void theReasonsQuoteTheBoundaries() {
        assertEquals("within 45 degrees of straight ahead", PerceptionQuestions.why(44));
        assertEquals("between 45 and 135 degrees to the left", PerceptionQuestions.why(45));
        assertEquals("between 45 and 135 degrees to the right", PerceptionQuestions.why(-45));
        assertEquals("more than 135 degrees from the front", PerceptionQuestions.why(135));
    }
}
