package org.notmono.sim.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.notmono.sim.room.Point3;
import org.notmono.sim.scene.Scene;

/** Where things may go, and the keyframe text of moving sources. */
class PlacementRulesTest {
    private static final Scene MOVING = SceneEdits.addSource(SceneEditorViewModel.NEW_SCENE, new Scene.Source("s1", "test:x", null, 0, 0,
            null, List.of(new Scene.Keyframe(0, new Point3(1, 1, 1.5)), new Scene.Keyframe(4, new Point3(4, 1, 1.5)))));

    @Test
    void aMovingSourceMovesAsAWholeAndStopsWhenItsLastKeyframeReachesTheWall() {
        PlacementRules.Placement p = PlacementRules.moveSource(MOVING, "s1", new Point3(5, 1.5, 1.5));
        List<Point3> path = SceneEdits.source(p.scene(), "s1").pathPoints();
        assertEquals(5.9, path.get(1).x(), 1e-5, "the far keyframe stops 0.1 m from the east wall");
        assertEquals(2.9, path.get(0).x(), 1e-5, "and the path keeps its length");
        assertEquals(1.5, path.get(0).y(), 1e-12);
        assertTrue(p.message().contains("east wall"), p.message());
    }

    @Test
    void aPathThroughTheReceiverIsRefused() {
        Scene s = SceneEdits.withReceiverPosition(MOVING, new Point3(3, 2, 1.5));
        PlacementRules.Placement p = PlacementRules.moveSource(s, "s1", new Point3(1, 2, 1.5));
        assertTrue(p.refused());
        assertTrue(p.refusal().contains("passes 0.000 m from the receiver"), p.refusal());
        assertEquals(s, p.scene());
    }

    @Test
    void theReceiverIsClampedAndKeptAwayFromSources() {
        Scene s = SceneEdits.addSource(SceneEditorViewModel.NEW_SCENE,
                new Scene.Source("s1", "test:x", null, 0, 0, new Point3(1, 1, 1), null));
        PlacementRules.Placement clamped = PlacementRules.moveReceiver(s, new Point3(3, 2.5, 7));
        assertEquals(2.9, clamped.scene().receiver().position().z(), 1e-5);
        assertTrue(clamped.warning().contains("ceiling"), clamped.warning());
        assertTrue(PlacementRules.moveReceiver(s, new Point3(1.05, 1, 1)).refused());
        PlacementRules.Placement close = PlacementRules.moveReceiver(s, new Point3(1.3, 1, 1));
        assertTrue(close.warning().contains("0.30 m from the receiver"), close.warning());
        assertNull(PlacementRules.moveReceiver(s, new Point3(3, 3, 1.5)).warning());
    }

    @Test
    void keyframeTextRoundTripsAndBadTextSaysWhatIsExpected() {
        List<Scene.Keyframe> k = FieldParsing.keyframes("0: 1, 1, 1.5; 2.5: 4, 1.25, 1.5");
        assertEquals(new Scene.Keyframe(2.5, new Point3(4, 1.25, 1.5)), k.get(1));
        assertEquals("0: 1, 1, 1.5; 2.5: 4, 1.25, 1.5", FieldParsing.keyframes(k));
        assertTrue(FieldParsing.keyframes(" ").isEmpty());
        assertEquals("keyframe times must increase (1 s comes after 2 s)",
                assertThrows(SceneField.FieldException.class, () -> FieldParsing.keyframes("2: 1,1,1; 1: 2,2,2")).getMessage());
        assertTrue(assertThrows(SceneField.FieldException.class, () -> FieldParsing.keyframes("0: 1, 1")).getMessage()
                .contains("write t: x, y, z"));
        assertTrue(assertThrows(SceneField.FieldException.class, () -> FieldParsing.keyframes("0: 1, 1, 1")).getMessage()
                .contains("at least 2 keyframes"));
    }
}
