package org.notmono.sim.scene;

import java.util.List;

import org.notmono.sim.room.Absorption;
import org.notmono.sim.room.Point3;

/**
 * Rich text scene description ({@code notmono.rtsd/1}): the ground truth of a rendered scene,
 * as a record and a readable paragraph ({@link #text()}).
 *
 * @param seed   null for a scene not drawn at random
 * @param index  null for a scene not drawn at random
 * @param assets sha256 of assets/manifest.json, null when the assets are not on the classpath
 * @param theme  the theme of a themed random scene (e.g. {@code kitchen}), null otherwise
 */
public record Rtsd(String id, Long seed, Long index, int sampleRate, double duration, String assets,
                   Room room, Scene.Receiver receiver, List<Source> sources, String text, String theme) {

    public static final String FORMAT = "notmono.rtsd/1";

    public Rtsd {
        sources = List.copyOf(sources);
    }

    /** An RTSD of an unthemed scene. */
    public Rtsd(String id, Long seed, Long index, int sampleRate, double duration, String assets, Room room,
                Scene.Receiver receiver, List<Source> sources, String text) {
        this(id, seed, index, sampleRate, duration, assets, room, receiver, sources, text, null);
    }

    /** This description as the scene of the given index in a dataset. */
    public Rtsd withIndex(long index) {
        return new Rtsd(id, seed, index, sampleRate, duration, assets, room, receiver, sources, text, theme);
    }

    /** @param measuredRt60 NaN when not measured */
    public record Room(double[] size, double volume, double surface, double meanAbsorption, Absorption absorption,
                       double rt60Sabine, double rt60Eyring, double measuredRt60, String category, String reverb) {
    }

    /**
     * @param family     null when unknown (a user's own clip)
     * @param track      receiver-relative path every 100 ms for moving sources; empty for static ones
     * @param transcript null when unknown or not speech
     */
    public record Source(String id, String classId, String family, String clip, Point3 position, double azimuth,
                         double elevation, double distance, double onset, double offset, double levelDb,
                         String transcript, List<TrackPoint> track) {
        public Source {
            track = List.copyOf(track);
        }
    }

    public record TrackPoint(double t, double azimuth, double elevation, double distance) {
    }
}
