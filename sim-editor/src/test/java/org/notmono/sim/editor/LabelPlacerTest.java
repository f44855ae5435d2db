package org.notmono.sim.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class LabelPlacerTest {

    @Test
    void aLoneLabelSitsRightOfItsMarkCentredOnIt() {
        LabelPlacer p = new LabelPlacer(200, 100);
        LabelPlacer.Box b = p.place(50, 50, 40, 10, 5);
        assertEquals(new LabelPlacer.Box(55, 45, 40, 10), b);
    }

    @Test
    void labelsOfCoincidentMarksTakeOtherSidesThenAreLeftOut() {
        LabelPlacer p = new LabelPlacer(200, 100);
        p.reserve(100, 50, 6);
        List<LabelPlacer.Box> placed = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            LabelPlacer.Box b = p.place(100, 50, 40, 10, 8);
            if (b != null) {
                placed.add(b);
            }
        }
        // three spots on each side; above and below a label this wide would cover the side ones
        assertEquals(6, placed.size());
        assertNull(p.place(100, 50, 40, 10, 8));
        assertNoOverlaps(p.taken());
    }

    @Test
    void randomMarksNeverGetOverlappingOrClippedLabels() {
        SplittableRandom r = new SplittableRandom(3);
        LabelPlacer p = new LabelPlacer(300, 200);
        int placed = 0;
        for (int i = 0; i < 60; i++) {
            double x = r.nextDouble(300), y = r.nextDouble(200);
            LabelPlacer.Box b = p.place(x, y, 10 + r.nextDouble(50), 11, 6);
            if (b != null) {
                placed++;
                assertTrue(b.x() >= 0 && b.y() >= 0 && b.x() + b.width() <= 300 && b.y() + b.height() <= 200);
            }
        }
        assertTrue(placed > 10 && placed < 60, placed + " placed");
        assertNoOverlaps(p.taken());
    }

    @Test
    void aMarkAtTheRightEdgeGetsItsLabelOnTheLeft() {
        LabelPlacer.Box b = new LabelPlacer(100, 100).place(95, 50, 40, 10, 5);
        assertNotNull(b);
        assertTrue(b.x() + b.width() <= 90);
        assertFalse(b.y() < 0);
    }

    private static void assertNoOverlaps(List<LabelPlacer.Box> boxes) {
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                assertFalse(boxes.get(i).overlaps(boxes.get(j)), boxes.get(i) + " and " + boxes.get(j));
            }
        }
    }
}
