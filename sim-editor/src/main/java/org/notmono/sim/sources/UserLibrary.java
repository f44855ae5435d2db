package org.notmono.sim.sources;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.notmono.audio.AudioClip;
import org.notmono.audio.Wav;

/**
 * A user's own clips, read by {@link UserLibraryLoader} from a folder or a manifest. Clip
 * references are file paths. {@link #problems()} lists the entries that were left out or
 * could not be matched to the vocabulary.
 */
public final class UserLibrary implements ClipLibrary {

    private final Path source;
    private final List<ClipInfo> clips;
    private final List<LibraryProblem> problems;

    UserLibrary(Path source, List<ClipInfo> clips, List<LibraryProblem> problems) {
        this.source = source;
        this.clips = List.copyOf(clips);
        this.problems = List.copyOf(problems);
    }

    /** The folder or manifest file the library was read from. */
    public Path source() {
        return source;
    }

    @Override
    public List<ClipInfo> clips() {
        return clips;
    }

    public List<LibraryProblem> problems() {
        return problems;
    }

    @Override
    public AudioClip load(ClipInfo clip, int sampleRate) throws IOException {
        if (!clips.contains(clip)) {
            throw new IOException(clip.ref() + ": not a clip of the user library " + source);
        }
        return Wav.read(Path.of(clip.ref())).monoAt(sampleRate);
    }
}
