package org.notmono.training.asa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.notmono.training.qa.Family;

class StatedSideTest {
    private static final String ITEM_LEFT = "I hear the kettle to your left, at an azimuth of 103 degrees, 2.0 m away.";

    @Test
    void theFirstStatedAzimuthIsComparedWithTheItemsBySign() {
        assertEquals(new StatedSide.Reading(true, true, true, true),
                StatedSide.read("<think>I hear the kettle to your left, at an azimuth of 95 degrees.</think>", ITEM_LEFT));
        assertEquals(new StatedSide.Reading(true, false, true, false),
                StatedSide.read("<think>I hear the kettle at an azimuth of -91 degrees (to your right).</think>", ITEM_LEFT));
        // the relative-direction form, and only the first azimuth counts
        assertEquals(new StatedSide.Reading(true, false, true, true), StatedSide.read(
                "I hear the bell to your right and below you, at azimuth -105 degrees and elevation -56 degrees, and the dog at azimuth 40 degrees",
                "I hear the bell to your right and below you, at azimuth -98 degrees and elevation -50 degrees"));
    }

    @Test
    void itemsNearTheFrontBackLineAndAnswersWithoutAnAzimuthAreNotCompared() {
        assertEquals(new StatedSide.Reading(true, false, false, false),
                StatedSide.read("azimuth of -5 degrees", "I hear it in front of you, at an azimuth of 19 degrees."));
        assertEquals(new StatedSide.Reading(true, true, false, false),
                StatedSide.read("azimuth of 170 degrees", "I hear it behind you, at an azimuth of -161 degrees."));
        assertEquals(new StatedSide.Reading(true, true, true, false),
                StatedSide.read("azimuth of 170 degrees", "I hear it behind you, at an azimuth of -160 degrees."), "160 is clear by 20");
        assertEquals(new StatedSide.Reading(false, false, false, false), StatedSide.read("<answer>B. Two</answer>", ITEM_LEFT));
        assertEquals(new StatedSide.Reading(true, true, false, false), StatedSide.read("azimuth of 30 degrees", null), "an open item");
    }

    @Test
    void theReportCountsSidesBesideTheScore() {
        AsaReport report = new AsaReport("lalm");
        report.add(Family.AZIMUTH, true, true, true);
        report.add(Family.AZIMUTH, false, true, false);
        report.add(Family.COUNT, true, true, true);
        report.addSide(StatedSide.read("azimuth of 95 degrees", ITEM_LEFT));
        report.addSide(StatedSide.read("azimuth of -91 degrees", ITEM_LEFT));
        report.addSide(StatedSide.read("<answer>B. Two</answer>", null));
        ObjectNode side = (ObjectNode) report.toJson(new ObjectMapper(), "b").path("side");
        assertEquals(2, side.path("answersStatingAzimuth").asInt());
        assertEquals(1, side.path("leftward").asInt());
        assertEquals(2, side.path("compared").asInt());
        assertEquals(1, side.path("agreeing").asInt());
        assertTrue(report.table().contains("answers stating an azimuth: 2, 1 of them to the left (positive); on the item's side in 1 of 2"
                + " clear of the front-back line (50.0%)"), report.table());
        assertEquals(66.7, report.overall(), 0.05, "the sides do not change the score");
    }
}
