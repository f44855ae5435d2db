package org.notmono.sim.sources;

import java.io.IOException;
import java.util.List;

import org.notmono.audio.AudioClip;

/**
 * A set of labelled dry clips that scenes draw from: the asset library, a user's own folder,
 * or the built-in test signals. Implementations are immutable and thread-safe.
 */
public interface ClipLibrary {

    /** Every clip, in a fixed order (the order picks depend on). */
    List<ClipInfo> clips();

    /** The clips of one family, in library order. */
    default List<ClipInfo> clips(SourceFamily family) {
        return clips().stream().filter(c -> c.family() == family).toList();
    }

    /** Loads a clip as mono audio resampled to {@code sampleRate}. */
    AudioClip load(ClipInfo clip, int sampleRate) throws IOException;
}
