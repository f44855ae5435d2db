package org.notmono.sim.scene;

import java.util.List;
import java.util.Locale;

import org.notmono.sim.room.Point3;
import org.notmono.sim.room.Shoebox;

/**
 * Geometry rules of a scene: every source and the receiver inside the room, at least 0.1 m
 * from every wall; every source at least 0.1 m from the receiver along its whole path.
 */
public final class SceneValidator {
    public static final double MIN_CLEARANCE = 0.1;

    private SceneValidator() {
    }

    /** Throws {@link SceneException} naming the JSON path of the first violation. */
    public static void validate(Scene scene) {
        Shoebox room = scene.room().size();
        Point3 rcv = scene.receiver().position();
        checkInside(room, rcv, "receiver.position");
        for (int i = 0; i < scene.sources().size(); i++) {
            Scene.Source s = scene.sources().get(i);
            String base = "sources[" + i + "]";
            if (!s.isMoving()) {
                checkInside(room, s.position(), base + ".position");
                checkReceiver(rcv, s.position(), base + ".position");
                continue;
            }
            List<Scene.Keyframe> kf = s.trajectory();
            for (int k = 0; k < kf.size(); k++) {
                String path = base + ".trajectory[" + k + "].position";
                checkInside(room, kf.get(k).position(), path);
                if (k > 0) {
                    // a straight segment stays inside a box whose ends are inside, but may pass the receiver
                    double d = segmentDistance(kf.get(k - 1).position(), kf.get(k).position(), rcv);
                    if (d < MIN_CLEARANCE) {
                        throw new SceneException(base + ".trajectory[" + k + "]", String.format(Locale.ROOT,
                                "the path from keyframe %d passes %.3f m from the receiver (minimum %s m)", k - 1, d, MIN_CLEARANCE));
                    }
                }
            }
            checkReceiver(rcv, kf.getFirst().position(), base + ".trajectory[0].position");
        }
    }

    private static void checkInside(Shoebox room, Point3 p, String path) {
        Shoebox.WallDistance w = room.nearestWall(p);
        if (w.distance() < 0) {
            throw new SceneException(path, String.format(Locale.ROOT, "outside the room, %.3f m beyond the %s wall",
                    -w.distance(), w.wall().id()));
        }
        if (w.distance() < MIN_CLEARANCE) {
            throw new SceneException(path, String.format(Locale.ROOT, "%s m from the %s wall (minimum %s m)",
                    fmt(w.distance()), w.wall().id(), MIN_CLEARANCE));
        }
    }

    private static void checkReceiver(Point3 rcv, Point3 p, String path) {
        double d = rcv.distanceTo(p);
        if (d < MIN_CLEARANCE) {
            throw new SceneException(path, String.format(Locale.ROOT, "%s m from the receiver (minimum %s m)", fmt(d), MIN_CLEARANCE));
        }
    }

    static double segmentDistance(Point3 a, Point3 b, Point3 p) {
        Point3 ab = b.minus(a), ap = p.minus(a);
        double len2 = ab.x() * ab.x() + ab.y() * ab.y() + ab.z() * ab.z();
        double f = len2 == 0 ? 0 : Math.clamp((ap.x() * ab.x() + ap.y() * ab.y() + ap.z() * ab.z()) / len2, 0.0, 1.0);
        return a.lerp(b, f).distanceTo(p);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
