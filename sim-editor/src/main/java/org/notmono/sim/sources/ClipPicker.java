package org.notmono.sim.sources;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Chooses clips of a library as a pure function of (seed, index), so a scene generator that
 * asks for the same (seed, index) always gets the same clip.
 */
public final class ClipPicker {

    private final ClipLibrary library;

    public ClipPicker(ClipLibrary library) {
        this.library = library;
    }

    /** A clip of the class; IllegalArgumentException when the library has none. */
    public ClipInfo forClass(String classId, long seed, long index) {
        return pick(library.clips().stream().filter(c -> c.classId().equals(classId)).toList(),
                seed, index, "class '" + classId + "'");
    }

    /** A clip of the family; IllegalArgumentException when the library has none. */
    public ClipInfo forFamily(SourceFamily family, long seed, long index) {
        return pick(library.clips(family), seed, index, "family " + family.id());
    }

    private static ClipInfo pick(List<ClipInfo> candidates, long seed, long index, String what) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("the library has no clip of " + what);
        }
        // SplittableRandom scrambles its seed, so neighbouring (seed, index) pairs pick unrelated clips
        long mixed = new SplittableRandom(seed ^ index * 0x9E3779B97F4A7C15L).nextLong();
        return candidates.get((int) Math.floorMod(mixed, (long) candidates.size()));
    }
}
