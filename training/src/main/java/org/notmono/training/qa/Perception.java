package org.notmono.training.qa;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.notmono.sim.scene.DirectionWords.Sector;
import org.notmono.sim.scene.Slot;
import org.notmono.sim.scene.SlotPrediction;

/**
 * A scene as some listener perceives it: the truth (for the oracle), the encoder's slots, or
 * the DSP localizer's. Unknown things are null, and rules that need them cannot decide.
 *
 * @param room  null when the listener has no idea of the room
 * @param reach for each sector, the farthest a point of the room can be from the listener in it
 *              ({@link SceneFacts#reach(Sector)}); null when unknown
 */
public record Perception(int count, List<Heard> sources, Room room, Map<Sector, Double> reach) {

    public Perception {
        sources = List.copyOf(sources);
        reach = reach == null ? null : Map.copyOf(reach);
    }

    /**
     * One perceived source.
     *
     * @param classId    null when the listener does not classify
     * @param distance   metres, null when not estimated
     * @param transcript null when not recognised
     */
    public record Heard(String classId, double azimuth, double elevation, Double distance, String transcript) {
    }

    /** Room size and reverberation categories (small/medium/large, wet/moderate/dry). */
    public record Room(String category, String reverb) {
    }

    /** The truth: everything known. */
    public static Perception truth(SceneFacts s) {
        List<Heard> heard = s.sources().stream()
                .map(x -> new Heard(x.classId(), x.azimuth(), x.elevation(), x.distance(), x.transcript())).toList();
        Map<Sector, Double> reach = null;
        if (s.listener().level()) {
            reach = new EnumMap<>(Sector.class);
            for (Sector x : Sector.values()) {
                reach.put(x, s.reach(x));
            }
        }
        return new Perception(heard.size(), heard, new Room(s.room().category(), s.room().reverb()), reach);
    }

    /** A localizer's existing slots and count estimate; no room, no transcripts. */
    public static Perception slots(SlotPrediction p) {
        List<Heard> heard = p.existingSlots().stream()
                .map((Slot x) -> new Heard(x.classId(), x.azimuth(), x.elevation(), x.distance(), null)).toList();
        return new Perception(p.count(), heard, null, null);
    }

    /** The sources of a class (none when the class is null). */
    List<Heard> ofClass(String classId) {
        return sources.stream().filter(h -> classId != null && classId.equals(h.classId())).toList();
    }

    /** True when no source has a class: a class-free listener. */
    boolean classFree() {
        return sources.stream().allMatch(h -> h.classId() == null);
    }
}
