package org.notmono.sim.sources;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.notmono.audio.AudioClip;

/** Several libraries seen as one: their clips in order, each loaded by the library it came from. */
public final class CombinedLibrary implements ClipLibrary {
    private final List<ClipInfo> clips = new ArrayList<>();
    private final Map<String, ClipLibrary> owner = new HashMap<>();

    public CombinedLibrary(List<ClipLibrary> parts) {
        for (ClipLibrary part : parts) {
            for (ClipInfo c : part.clips()) {
                if (owner.putIfAbsent(c.ref(), part) == null) {
                    clips.add(c);
                }
            }
        }
    }

    @Override
    public List<ClipInfo> clips() {
        return List.copyOf(clips);
    }

    @Override
    public AudioClip load(ClipInfo clip, int sampleRate) throws IOException {
        ClipLibrary part = owner.get(clip.ref());
        if (part == null) {
            throw new IOException(clip.ref() + ": not a clip of any library here");
        }
        return part.load(clip, sampleRate);
    }
}
