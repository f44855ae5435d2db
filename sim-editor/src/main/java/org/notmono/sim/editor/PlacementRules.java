package org.notmono.sim.editor;

import java.util.List;
import java.util.Locale;

import org.notmono.sim.room.Point3;
import org.notmono.sim.room.Shoebox;
import org.notmono.sim.scene.Scene;
import org.notmono.sim.scene.SceneException;
import org.notmono.sim.scene.SceneValidator;

/**
 * Where the receiver or a source may go (DESIGN.md): positions are clamped to 0.1 m inside the
 * walls; a move that brings a source within 0.1 m of the receiver is refused; closer than 0.5 m
 * to a wall or to the receiver is allowed with a warning (random scenes keep 0.5 m).
 */
public final class PlacementRules {
    public static final double MIN_CLEARANCE = SceneValidator.MIN_CLEARANCE;
    public static final double COMFORT_CLEARANCE = 0.5;
    /** Clamped points sit this much further in, so that rounding never puts them under the minimum. */
    private static final double SAFETY = 1e-6;

    private PlacementRules() {
    }

    /**
     * The outcome of a move.
     *
     * @param scene   the scene after the move; the unchanged scene when refused
     * @param refusal why the move was refused or clamped, else null
     * @param warning a closeness warning for an accepted move, else null
     */
    public record Placement(Scene scene, String refusal, String warning) {
        public boolean refused() {
            return refusal != null;
        }

        /** The text to show the user: the refusal, else the warning, else empty. */
        public String message() {
            return refusal != null ? refusal : warning != null ? warning : "";
        }
    }

    public static Point3 clampToRoom(Shoebox room, Point3 p) {
        return new Point3(clamp(p.x(), room.lx()), clamp(p.y(), room.ly()), clamp(p.z(), room.lz()));
    }

    private static double clamp(double v, double size) {
        return Math.clamp(v, MIN_CLEARANCE + SAFETY, size - MIN_CLEARANCE - SAFETY);
    }

    /** Moves the receiver towards {@code wanted}. */
    public static Placement moveReceiver(Scene scene, Point3 wanted) {
        Point3 p = clampToRoom(scene.room().size(), wanted);
        Scene moved = SceneEdits.withReceiverPosition(scene, p);
        return judge(scene, moved, clampReason(scene.room().size(), wanted, p, "receiver", List.of(p)), "receiver", List.of(p));
    }

    /**
     * Moves a source so its position (or, for a moving source, its first keyframe) goes to
     * {@code wanted}; a trajectory moves as a whole and stays inside the room.
     */
    public static Placement moveSource(Scene scene, String id, Point3 wanted) {
        Scene.Source src = SceneEdits.source(scene, id);
        Shoebox room = scene.room().size();
        Point3 anchor = src.pathPoints().getFirst();
        Point3 delta = allowedDelta(room, src.pathPoints(), wanted.minus(anchor));
        Scene.Source moved = SceneEdits.mapPositions(src, q -> new Point3(q.x() + delta.x(), q.y() + delta.y(), q.z() + delta.z()));
        Point3 reached = moved.pathPoints().getFirst();
        String clamped = clampReason(room, wanted, reached, id, moved.pathPoints());
        return judge(scene, SceneEdits.replaceSource(scene, moved), clamped, id, moved.pathPoints());
    }

    /** The part of {@code delta} that keeps every point 0.1 m inside the room, per axis. */
    private static Point3 allowedDelta(Shoebox room, List<Point3> points, Point3 delta) {
        double[] d = delta.toArray();
        for (int axis = 0; axis < 3; axis++) {
            double lo = Double.NEGATIVE_INFINITY, hi = Double.POSITIVE_INFINITY;
            for (Point3 p : points) {
                double v = p.toArray()[axis];
                lo = Math.max(lo, MIN_CLEARANCE + SAFETY - v);
                hi = Math.min(hi, room.size(axis) - MIN_CLEARANCE - SAFETY - v);
            }
            d[axis] = Math.clamp(d[axis], Math.min(lo, 0), Math.max(hi, 0));
        }
        return new Point3(d[0], d[1], d[2]);
    }

    /** Why {@code reached} is not {@code wanted}: the wall that one of the moved points came up against. */
    private static String clampReason(Shoebox room, Point3 wanted, Point3 reached, String what, List<Point3> points) {
        if (wanted.distanceTo(reached) < 1e-9) {
            return null;
        }
        Shoebox.WallDistance wall = points.stream().map(room::nearestWall)
                .min(java.util.Comparator.comparingDouble(Shoebox.WallDistance::distance)).orElseThrow();
        return String.format(Locale.ROOT, "%s held %s m from the %s wall (minimum %s m)", what, MIN_CLEARANCE,
                wall.wall().id(), MIN_CLEARANCE);
    }

    /** Refuses the move when the moved scene breaks a scene rule, else warns about closeness. */
    private static Placement judge(Scene before, Scene after, String clamped, String what, List<Point3> points) {
        try {
            SceneValidator.validate(after);
        } catch (SceneException e) {
            return new Placement(before, "Refused to move " + what + ": " + e.getMessage(), null);
        }
        String warning = clamped != null ? clamped : closeness(after, what, points);
        return new Placement(after, null, warning);
    }

    private static String closeness(Scene scene, String what, List<Point3> points) {
        Point3 rcv = scene.receiver().position();
        for (Point3 p : points) {
            Shoebox.WallDistance w = scene.room().size().nearestWall(p);
            if (w.distance() < COMFORT_CLEARANCE) {
                return String.format(Locale.ROOT, "%s is %.2f m from the %s wall (random scenes keep %s m)", what,
                        w.distance(), w.wall().id(), COMFORT_CLEARANCE);
            }
        }
        List<Point3> others = what.equals("receiver")
                ? scene.sources().stream().flatMap(s -> s.pathPoints().stream()).toList() : points;
        for (Point3 p : others) {
            double d = p.distanceTo(rcv);
            if (d < COMFORT_CLEARANCE) {
                return String.format(Locale.ROOT, "%s: a source is %.2f m from the receiver (random scenes keep %s m)",
                        what, d, COMFORT_CLEARANCE);
            }
        }
        return null;
    }
}
