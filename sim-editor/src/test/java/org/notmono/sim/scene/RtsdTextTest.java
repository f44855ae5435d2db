package org.notmono.sim.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.notmono.sim.room.Absorption;
import org.notmono.sim.room.Point3;
import org.junit.jupiter.params.provider.CsvSource;

/** The RTSD's paragraph: directions in DESIGN.md's words (the table the QA shares), transcripts quoted. */
class RtsdTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0 | 0 | in front of you", "90 | 0 | to your left", "-90 | 0 | to your right", "-180 | 0 | behind you",
        "153.4 | -5.1 | behind you", "-40 | 45 | 'in front of you, above you'",
        // DESIGN.md's boundaries: left from 45, behind from 135, right from -45, above over 20, below under -20
        "44.9 | 0 | in front of you", "45 | 0 | to your left", "134.9 | 0 | to your left", "135 | 0 | behind you",
        "-45 | 0 | to your right", "-44.9 | 0 | in front of you", "-135 | 0 | behind you", "-134.9 | 0 | to your right",
        "10 | 20 | in front of you", "10 | 20.1 | 'in front of you, above you'", "10 | -20 | in front of you",
        "10 | -20.1 | 'in front of you, below you'", "100 | 75 | 'to your left, above you'",
    })
    void directionPhrases(double az, double el, String phrase) {
        assertEquals(phrase, RtsdText.where(az, el));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "A pot of tea helps to pass the evening. | It says: \"A pot of tea helps to pass the evening.\"",
        "Is it late?                              | It says: \"Is it late?\"",
        "no punctuation                           | It says: \"no punctuation\".",
    })
    void transcriptsAreQuotedWithOneFullStop(String transcript, String expectedEnding) {
        Rtsd.Room room = new Rtsd.Room(new double[] {6, 5, 3}, 90, 126, 0.2, Absorption.uniform(0.2), 0.575, 0.516, 0.55,
                "medium", "moderate");
        Rtsd.Source speech = new Rtsd.Source("s1", "female_speech", "speech", "assets:speech/x.wav", new Point3(2, 3, 1.5),
                90, 0, 2, 0.5, 2.5, -3, transcript, List.of());
        String text = RtsdText.describe(room, List.of(speech));
        org.junit.jupiter.api.Assertions.assertTrue(text.endsWith(expectedEnding), text);
    }
}
