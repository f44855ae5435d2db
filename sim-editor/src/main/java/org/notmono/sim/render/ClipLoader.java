package org.notmono.sim.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.notmono.audio.AudioClip;
import org.notmono.audio.AudioFileException;
import org.notmono.audio.Levels;
import org.notmono.audio.Wav;
import org.notmono.sim.sources.ClipInfo;
import org.notmono.sim.sources.ClipLibrary;

/**
 * Turns a scene's clip reference into mono samples at the scene's rate: a clip the library
 * knows by its reference is loaded through the library; {@code assets:PATH} is the classpath
 * resource {@code /assets/PATH}; anything else is a WAV file, relative to the scene's folder.
 * Clips with several channels are averaged to mono, other rates are resampled. A clip that
 * is not in the library (a user's WAV) loses its DC offset: convolved with an RIR, whose taps
 * sum to far more than 1, a small offset becomes a large sub-sonic level in the mix. The
 * library's clips are DC-free already (see docs/assets.md).
 */
public final class ClipLoader {
    public static final String ASSETS_PREFIX = "assets:";

    private final ClipLibrary library;
    private final Path baseFolder;

    public ClipLoader(ClipLibrary library, Path baseFolder) {
        this.library = library;
        this.baseFolder = baseFolder;
    }

    /** What the library knows about a reference, if anything. */
    public Optional<ClipInfo> info(String ref) {
        return library.clips().stream().filter(c -> c.ref().equals(ref)).findFirst();
    }

    public float[] load(String ref, int sampleRate) throws IOException {
        Optional<ClipInfo> known = info(ref);
        AudioClip clip;
        if (known.isPresent()) {
            return library.load(known.get(), sampleRate).monoAt(sampleRate).channel(0);
        } else if (ref.startsWith(ASSETS_PREFIX)) {
            String resource = "/assets/" + ref.substring(ASSETS_PREFIX.length());
            try (InputStream in = ClipLoader.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new AudioFileException(ref, "not in the assets (no classpath resource " + resource + ")");
                }
                clip = Wav.read(in, ref);
            }
        } else {
            Path file = baseFolder.resolve(ref);
            if (!Files.isRegularFile(file)) {
                throw new AudioFileException(file.toString(), "clip " + ref + " not found (paths are relative to the scene's folder)");
            }
            clip = Wav.read(file);
        }
        float[] mono = clip.monoAt(sampleRate).channel(0);
        Levels.removeDc(mono);
        return mono;
    }
}
