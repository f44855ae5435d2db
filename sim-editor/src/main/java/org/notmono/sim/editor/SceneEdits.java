package org.notmono.sim.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.notmono.sim.room.Absorption;
import org.notmono.sim.room.Orientation;
import org.notmono.sim.room.Point3;
import org.notmono.sim.room.Shoebox;
import org.notmono.sim.room.TailModel;
import org.notmono.sim.scene.Scene;

/** Pure scene transformations: each returns a new scene and leaves its argument alone. */
public final class SceneEdits {

    private SceneEdits() {
    }

    public static Scene withRoom(Scene s, Scene.Room room) {
        return new Scene(s.sampleRate(), s.duration(), room, s.receiver(), s.sources(), s.background());
    }

    public static Scene withReceiver(Scene s, Scene.Receiver receiver) {
        return new Scene(s.sampleRate(), s.duration(), s.room(), receiver, s.sources(), s.background());
    }

    public static Scene withSources(Scene s, List<Scene.Source> sources) {
        return new Scene(s.sampleRate(), s.duration(), s.room(), s.receiver(), sources, s.background());
    }

    public static Scene withTiming(Scene s, int sampleRate, double duration) {
        return new Scene(sampleRate, duration, s.room(), s.receiver(), s.sources(), s.background());
    }

    public static Scene withBackground(Scene s, Scene.Background background) {
        return new Scene(s.sampleRate(), s.duration(), s.room(), s.receiver(), s.sources(), background);
    }

    public static Scene withAbsorption(Scene s, Absorption a) {
        Scene.Room r = s.room();
        return withRoom(s, new Scene.Room(r.size(), a, null, r.maxOrder(), r.tail(), r.highPass()));
    }

    /** A target RT60 instead of absorption coefficients (inverse Sabine when rendered). */
    public static Scene withRt60(Scene s, double rt60) {
        Scene.Room r = s.room();
        return withRoom(s, new Scene.Room(r.size(), null, rt60, r.maxOrder(), r.tail(), r.highPass()));
    }

    public static Scene withOrder(Scene s, int maxOrder, TailModel tail) {
        Scene.Room r = s.room();
        return withRoom(s, new Scene.Room(r.size(), r.absorption(), r.rt60(), maxOrder, tail, r.highPass()));
    }

    /** Turns pyroomacoustics' 10 Hz RIR high-pass on or off. */
    public static Scene withHighPass(Scene s, boolean on) {
        Scene.Room r = s.room();
        return withRoom(s, new Scene.Room(r.size(), r.absorption(), r.rt60(), r.maxOrder(), r.tail(), on));
    }

    public static Scene withReceiverPosition(Scene s, Point3 p) {
        return withReceiver(s, new Scene.Receiver(p, s.receiver().orientation()));
    }

    public static Scene withOrientation(Scene s, Orientation o) {
        return withReceiver(s, new Scene.Receiver(s.receiver().position(), o));
    }

    /**
     * A new room size; the receiver and the sources are stretched with the room, so the layout
     * keeps its shape (then held 0.1 m inside the walls).
     */
    public static Scene withRoomSize(Scene s, Shoebox size) {
        Shoebox old = s.room().size();
        UnaryOperator<Point3> stretch = p -> PlacementRules.clampToRoom(size,
                new Point3(p.x() * size.lx() / old.lx(), p.y() * size.ly() / old.ly(), p.z() * size.lz() / old.lz()));
        Scene.Room r = s.room();
        Scene resized = withRoom(s, new Scene.Room(size, r.absorption(), r.rt60(), r.maxOrder(), r.tail(), r.highPass()));
        resized = withReceiverPosition(resized, stretch.apply(s.receiver().position()));
        return withSources(resized, s.sources().stream().map(src -> mapPositions(src, stretch)).toList());
    }

    /** The source with every position (its point or its keyframes) mapped. */
    public static Scene.Source mapPositions(Scene.Source src, UnaryOperator<Point3> f) {
        if (!src.isMoving()) {
            return withPosition(src, f.apply(src.position()));
        }
        List<Scene.Keyframe> moved = src.trajectory().stream().map(k -> new Scene.Keyframe(k.t(), f.apply(k.position()))).toList();
        return withTrajectory(src, moved);
    }

    public static Scene.Source withPosition(Scene.Source s, Point3 p) {
        return new Scene.Source(s.id(), s.clip(), s.classId(), s.gainDb(), s.onset(), p, null);
    }

    /** Moving along {@code keyframes}; an empty list makes the source static at its first position. */
    public static Scene.Source withTrajectory(Scene.Source s, List<Scene.Keyframe> keyframes) {
        if (keyframes.isEmpty()) {
            return withPosition(s, s.pathPoints().getFirst());
        }
        return new Scene.Source(s.id(), s.clip(), s.classId(), s.gainDb(), s.onset(), null, keyframes);
    }

    public static Scene.Source withClip(Scene.Source s, String clip, String classId) {
        return new Scene.Source(s.id(), clip, classId, s.gainDb(), s.onset(), s.position(), s.trajectory());
    }

    public static Scene.Source withGain(Scene.Source s, double gainDb) {
        return new Scene.Source(s.id(), s.clip(), s.classId(), gainDb, s.onset(), s.position(), s.trajectory());
    }

    public static Scene.Source withOnset(Scene.Source s, double onset) {
        return new Scene.Source(s.id(), s.clip(), s.classId(), s.gainDb(), onset, s.position(), s.trajectory());
    }

    public static Scene.Source withId(Scene.Source s, String id) {
        return new Scene.Source(id, s.clip(), s.classId(), s.gainDb(), s.onset(), s.position(), s.trajectory());
    }

    /** The scene with the source of the same id replaced. */
    public static Scene replaceSource(Scene s, Scene.Source source) {
        List<Scene.Source> list = new ArrayList<>(s.sources());
        int i = indexOf(s, source.id());
        list.set(i, source);
        return withSources(s, list);
    }

    public static Scene addSource(Scene s, Scene.Source source) {
        List<Scene.Source> list = new ArrayList<>(s.sources());
        list.add(source);
        return withSources(s, list);
    }

    public static Scene removeSource(Scene s, String id) {
        List<Scene.Source> list = new ArrayList<>(s.sources());
        list.remove(indexOf(s, id));
        return withSources(s, list);
    }

    public static Scene.Source source(Scene s, String id) {
        return s.sources().get(indexOf(s, id));
    }

    public static int indexOf(Scene s, String id) {
        for (int i = 0; i < s.sources().size(); i++) {
            if (s.sources().get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no source '" + id + "' in the scene");
    }

    /** The first id of the form s1, s2, ... not used in the scene. */
    public static String freeId(Scene s) {
        for (int n = 1; ; n++) {
            String id = "s" + n;
            if (s.sources().stream().noneMatch(src -> src.id().equals(id))) {
                return id;
            }
        }
    }
}
