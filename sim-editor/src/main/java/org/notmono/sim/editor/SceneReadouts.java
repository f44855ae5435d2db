package org.notmono.sim.editor;

import java.util.List;

import org.notmono.sim.room.Absorption;
import org.notmono.sim.room.Direction;
import org.notmono.sim.room.RirOptions;
import org.notmono.sim.room.RoomAcoustics;
import org.notmono.sim.room.Shoebox;
import org.notmono.sim.scene.RoomCategory;
import org.notmono.sim.scene.Scene;

/**
 * The live acoustic numbers of a scene, computed with the simulator's own formulas so they equal
 * what the RTSD will hold: each source's direction is taken where it is at its onset.
 */
public record SceneReadouts(double volume, double surface, double meanAbsorption, double rt60Sabine, double rt60Eyring,
                           double criticalDistance, String category, String reverb, List<SourceReadout> sources) {

    public record SourceReadout(String id, double azimuth, double elevation, double distance) {
    }

    public static SceneReadouts of(Scene scene) {
        Shoebox size = scene.room().size();
        Absorption a = scene.room().effectiveAbsorption();
        double c = RirOptions.SPEED_OF_SOUND;
        double mean = a.mean(size);
        List<SourceReadout> sources = scene.sources().stream().map(s -> {
            Direction d = scene.receiver().orientation().directionOf(s.positionAt(s.onset()).minus(scene.receiver().position()));
            return new SourceReadout(s.id(), d.azimuth(), d.elevation(), d.distance());
        }).toList();
        return new SceneReadouts(size.volume(), size.surface(), mean, RoomAcoustics.sabine(size, a, c),
                RoomAcoustics.eyring(size, a, c), RoomAcoustics.criticalDistance(size, a), RoomCategory.size(size),
                RoomCategory.reverb(mean), sources);
    }
}
