package org.notmono.sim.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.notmono.sim.room.Absorption;
import org.notmono.sim.room.Direction;
import org.notmono.sim.room.Point3;
import org.notmono.sim.room.RirOptions;
import org.notmono.sim.room.RoomAcoustics;
import org.notmono.sim.room.Shoebox;
import org.notmono.sim.scene.AssetsFingerprint;
import org.notmono.sim.scene.RoomCategory;
import org.notmono.sim.scene.Rtsd;
import org.notmono.sim.scene.RtsdText;
import org.notmono.sim.scene.Scene;
import org.notmono.sim.sources.ClipInfo;

/** Builds a rendered scene's RTSD from the scene, its render and what the clip library knows. */
public final class RtsdBuilder {
    private final ClipLoader clips;

    public RtsdBuilder(ClipLoader clips) {
        this.clips = clips;
    }

    /** @param seed and {@code index} null for a scene not drawn at random */
    public Rtsd build(String id, Long seed, Long index, Scene scene, RenderedScene rendered) {
        return build(id, seed, index, scene, rendered, null);
    }

    /** @param theme the random scene's theme id, null when unthemed */
    public Rtsd build(String id, Long seed, Long index, Scene scene, RenderedScene rendered, String theme) {
        Shoebox size = scene.room().size();
        Absorption a = scene.room().effectiveAbsorption();
        double mean = a.mean(size);
        double c = RirOptions.SPEED_OF_SOUND;
        Rtsd.Room room = new Rtsd.Room(new double[] {size.lx(), size.ly(), size.lz()}, size.volume(), size.surface(), mean, a,
                RoomAcoustics.sabine(size, a, c), RoomAcoustics.eyring(size, a, c), rendered.measuredRt60(),
                RoomCategory.size(size), RoomCategory.reverb(mean));
        List<Rtsd.Source> sources = new ArrayList<>();
        for (int i = 0; i < scene.sources().size(); i++) {
            Scene.Source s = scene.sources().get(i);
            RenderedScene.SourceTiming timing = rendered.sources().get(i);
            Point3 start = s.positionAt(timing.onset());
            Direction d = direction(scene, start);
            List<Rtsd.TrackPoint> track = new ArrayList<>();
            if (s.isMoving()) {
                for (double t = timing.onset(); t <= timing.offset() + 1e-9; t += MovingSource.HOP_SECONDS) {
                    Direction p = direction(scene, s.positionAt(t));
                    track.add(new Rtsd.TrackPoint(t, p.azimuth(), p.elevation(), p.distance()));
                }
            }
            Optional<ClipInfo> info = clips.info(s.clip());
            sources.add(new Rtsd.Source(s.id(), s.classId(), info.map(ci -> ci.family().id()).orElse(null), s.clip(), start,
                    d.azimuth(), d.elevation(), d.distance(), timing.onset(), timing.offset(), s.gainDb(),
                    info.map(ClipInfo::transcript).orElse(null), track));
        }
        return new Rtsd(id, seed, index, scene.sampleRate(), scene.duration(), AssetsFingerprint.sha256(), room, scene.receiver(),
                sources, RtsdText.describe(room, sources), theme);
    }

    private static Direction direction(Scene scene, Point3 p) {
        return scene.receiver().orientation().directionOf(p.minus(scene.receiver().position()));
    }
}
