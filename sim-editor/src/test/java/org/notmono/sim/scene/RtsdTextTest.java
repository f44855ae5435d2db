package org.notmono.sim.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RtsdTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0 | 0 | in front of you", "90 | 0 | to your left", "-90 | 0 | to your right", "-180 | 0 | behind you",
        "153.4 | -5.1 | behind you to the left", "-40 | 45 | 'in front of you to the right, above'",
    })
    void directionPhrases(double az, double el, String phrase) {
        assertEquals(phrase, RtsdText.where(az, el));
    }
}
