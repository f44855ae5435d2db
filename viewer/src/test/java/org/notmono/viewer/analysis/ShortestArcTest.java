package org.notmono.viewer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A slot's line to its true source on the direction map goes the short way round. */
class ShortestArcTest {
    private static final double EPS = 1e-9;

    @Test
    void directionsOnOneSideOfTheBackAreJoinedByOnePiece() {
        assertEquals(List.of(new ShortestArc.Piece(10, 0, 50, 10)), ShortestArc.between(10, 0, 50, 10));
        assertEquals(List.of(new ShortestArc.Piece(-170, 5, 10, -5)), ShortestArc.between(-170, 5, 10, -5), "180 apart: one piece");
    }

    @Test
    void directionsEitherSideOfTheBackAreJoinedAcrossTheEdgesAtOneElevation() {
        // a slot at -168 degrees, its source at 175: 17 degrees apart across the back, not 343 across the front
        List<ShortestArc.Piece> pieces = ShortestArc.between(-168, 4, 175, 3);
        assertEquals(2, pieces.size());
        ShortestArc.Piece toEdge = pieces.get(0);
        ShortestArc.Piece fromEdge = pieces.get(1);
        double seam = 4 + (12.0 / 17) * (3 - 4); // 12 of the 17 degrees lie before the edge
        assertPiece(-168, 4, -180, seam, toEdge);
        assertPiece(180, seam, 175, 3, fromEdge);
        // the same line drawn from the other end meets the edges at the same elevation
        List<ShortestArc.Piece> back = ShortestArc.between(175, 3, -168, 4);
        assertPiece(175, 3, 180, seam, back.get(0));
        assertPiece(-180, seam, -168, 4, back.get(1));
    }

    @Test
    void theTwoEdgesAreOneAzimuth() {
        // -180 and 180 are the same direction in azimuth: the line runs along the right edge, no NaN
        List<ShortestArc.Piece> pieces = ShortestArc.between(-180, 10, 180, -20);
        assertPiece(-180, 10, -180, 10, pieces.get(0));
        assertPiece(180, 10, 180, -20, pieces.get(1));
    }

    private static void assertPiece(double az1, double el1, double az2, double el2, ShortestArc.Piece p) {
        assertEquals(az1, p.azimuth1(), EPS);
        assertEquals(el1, p.elevation1(), EPS);
        assertEquals(az2, p.azimuth2(), EPS);
        assertEquals(el2, p.elevation2(), EPS);
    }
}
