package org.notmono.sim.room;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OrientationTest {

    @Test
    void yawTurnsFrontTowardsLeft() {
        // facing +y, a source at +y is in front, one at +x is on the right (azimuth -90)
        Orientation o = new Orientation(90, 0, 0);
        assertEquals(0, o.directionOf(new Point3(0, 2, 0)).azimuth(), 1e-9);
        assertEquals(-90, o.directionOf(new Point3(2, 0, 0)).azimuth(), 1e-9);
    }

    @Test
    void pitchUpLowersElevationOfTheHorizon() {
        Orientation o = new Orientation(0, 30, 0);
        assertEquals(-30, o.directionOf(new Point3(1, 0, 0)).elevation(), 1e-9);
        assertEquals(0, o.directionOf(new Point3(Math.cos(Math.toRadians(30)), 0, 0.5)).elevation(), 1e-9);
    }

    @Test
    void rollRightHandedAboutFront() {
        // rolling 90 degrees brings the left axis up, so a source above appears on the left
        Orientation o = new Orientation(0, 0, 90);
        Direction d = o.directionOf(new Point3(0, 0, 1));
        assertEquals(90, d.azimuth(), 1e-9);
        assertEquals(0, d.elevation(), 1e-9);
    }

    @Test
    void azimuthRangeIsHalfOpen() {
        assertEquals(-180, Direction.of(-1, 0, 0).azimuth(), 1e-9);
    }
}
