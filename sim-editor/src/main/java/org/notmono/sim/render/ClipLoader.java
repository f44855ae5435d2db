package org.notmono.sim.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

import org.notmono.audio.AudioClip;
import org.notmono.audio.AudioFileException;
import org.notmono.audio.Wav;
import org.notmono.sim.sources.ClipInfo;
import org.notmono.sim.sources.ClipLibrary;

/**
 * Turns a scene's clip reference into mono samples at the scene's rate: a clip the library
 * knows by its reference is loaded through the library; {@code assets:PATH} is the classpath
 * resource {@code /assets/PATH}; anything else is a WAV file, relative to the scene's folder.
 * Clips with several channels are averaged to mono, other rates are resampled.
 */
public final class ClipLoader {
    public static final String ASSETS_PREFIX = "assets:";

    private static final double RESAMPLER_MARGIN_SECONDS = 0.1;

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

    /**
     * The clip's first {@code maxSeconds} (a scene never plays more than its duration after the
     * onset) as mono samples at {@code sampleRate}: a long clip, or one whose header claims an
     * odd rate, is read and resampled only as far as the scene needs it. The result may run a
     * little past {@code maxSeconds}.
     */
    public float[] load(String ref, int sampleRate, double maxSeconds) throws IOException {
        // a short margin keeps the resampler's filter from seeing the cut inside the used part
        double seconds = maxSeconds + RESAMPLER_MARGIN_SECONDS;
        Optional<ClipInfo> known = info(ref);
        AudioClip clip;
        if (known.isPresent()) {
            clip = library.load(known.get(), sampleRate);
        } else if (ref.startsWith(ASSETS_PREFIX)) {
            String resource = "/assets/" + ref.substring(ASSETS_PREFIX.length());
            try (InputStream in = ClipLoader.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new AudioFileException(ref, "not in the assets (no classpath resource " + resource + ")");
                }
                clip = Wav.read(in, ref, seconds);
            }
        } else {
            Path file = file(ref);
            if (Files.isDirectory(file)) {
                throw new AudioFileException(file.toString(), "clip " + ref + " is a folder, not a WAV file");
            }
            if (!Files.exists(file)) {
                throw new AudioFileException(file.toString(), "clip " + ref + " not found (paths are relative to the scene's folder)");
            }
            if (!Files.isRegularFile(file)) {
                throw new AudioFileException(file.toString(), "clip " + ref + " is not a regular file (a device or a pipe?)");
            }
            clip = Wav.read(file, seconds);
        }
        return clip.monoAt(sampleRate).channel(0);
    }

    private Path file(String ref) throws AudioFileException {
        try {
            return baseFolder.resolve(ref);
        } catch (InvalidPathException e) {
            throw new AudioFileException(ref, "not a usable file path (" + e.getReason() + ")");
        }
    }
}
