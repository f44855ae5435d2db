package org.notmono.sim.scene;

import java.util.List;

import org.notmono.sim.room.Absorption;
import org.notmono.sim.room.Orientation;
import org.notmono.sim.room.Point3;
import org.notmono.sim.room.RirOptions;
import org.notmono.sim.room.RirRequest;
import org.notmono.sim.room.RoomAcoustics;
import org.notmono.sim.room.Shoebox;
import org.notmono.sim.room.TailModel;

/**
 * A scene ({@code notmono.scene/1}): a shoebox room, an FOA receiver, dry sources and an
 * optional diffuse background. Build it through {@link SceneJson} or {@link SceneValidator},
 * which check the geometry.
 *
 * @param background null for none
 */
public record Scene(int sampleRate, double duration, Room room, Receiver receiver, List<Source> sources,
                    Background background) {

    public static final String FORMAT = "notmono.scene/1";

    public Scene {
        sources = List.copyOf(sources);
    }

    /**
     * The room. Exactly one of {@code absorption} and {@code rt60} is set; an RT60 becomes a
     * uniform absorption by the inverse Sabine formula.
     *
     * @param highPass filter every RIR with pyroomacoustics' 10 Hz 2nd-order Butterworth (zero
     *                 phase), which takes out the DC and sub-sonic rumble the image sources pile up
     */
    public record Room(Shoebox size, Absorption absorption, Double rt60, int maxOrder, TailModel tail, boolean highPass) {

        /** A room without the RIR high-pass (the default, as in pyroomacoustics). */
        public Room(Shoebox size, Absorption absorption, Double rt60, int maxOrder, TailModel tail) {
            this(size, absorption, rt60, maxOrder, tail, false);
        }

        /** The wall absorption, from the RT60 when that is what the scene gives. */
        public Absorption effectiveAbsorption() {
            return absorption != null ? absorption
                    : Absorption.uniform(RoomAcoustics.inverseSabine(rt60, size, RirOptions.SPEED_OF_SOUND));
        }
    }

    public record Receiver(Point3 position, Orientation orientation) {
    }

    /** A trajectory point: where the source is at time {@code t} seconds. */
    public record Keyframe(double t, Point3 position) {
    }

    /**
     * A dry source. Either {@code position} is set (static) or {@code trajectory} holds at least
     * two keyframes in increasing time (moving; linear between keyframes, held before the first
     * and after the last).
     *
     * @param classId free text: a class outside the vocabulary is kept
     */
    public record Source(String id, String clip, String classId, double gainDb, double onset, Point3 position,
                         List<Keyframe> trajectory) {

        public Source {
            trajectory = trajectory == null ? null : List.copyOf(trajectory);
        }

        public boolean isMoving() {
            return trajectory != null;
        }

        /** Where the source is at scene time {@code t}. */
        public Point3 positionAt(double t) {
            if (!isMoving()) {
                return position;
            }
            Keyframe first = trajectory.getFirst();
            if (t <= first.t()) {
                return first.position();
            }
            for (int i = 1; i < trajectory.size(); i++) {
                Keyframe a = trajectory.get(i - 1), b = trajectory.get(i);
                if (t <= b.t()) {
                    return a.position().lerp(b.position(), (t - a.t()) / (b.t() - a.t()));
                }
            }
            return trajectory.getLast().position();
        }

        /** Every point that bounds the source's path: its position or its keyframes. */
        public List<Point3> pathPoints() {
            return isMoving() ? trajectory.stream().map(Keyframe::position).toList() : List.of(position);
        }
    }

    /** Diffuse noise at {@code snrDb} below the mix (W channel power). */
    public record Background(String type, double snrDb) {
        public static final String DIFFUSE_NOISE = "diffuse-noise";
    }

    /** The RIR request for one source position. */
    public RirRequest rirRequest(Point3 sourcePosition) {
        RirOptions options = RirOptions.pyroomacoustics(room.maxOrder()).withTail(room.tail()).withHighPass(room.highPass());
        return new RirRequest(room.size(), room.effectiveAbsorption(), sourcePosition, receiver.position(),
                receiver.orientation(), sampleRate, options);
    }

    public int frames() {
        return (int) Math.round(duration * sampleRate);
    }
}
