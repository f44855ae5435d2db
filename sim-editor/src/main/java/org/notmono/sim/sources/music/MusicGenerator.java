package org.notmono.sim.sources.music;

import java.io.IOException;
import java.io.InputStream;

import org.notmono.audio.AudioClip;

/**
 * Seeded music for one instrument family: {@link MusicComposer} writes the notes and
 * {@link GervillRenderer} plays them with the General MIDI soundfont in the assets. Same
 * (family, seed, seconds, rate), same samples; a different seed gives a different piece.
 */
public final class MusicGenerator {

    /** The public-domain GM soundfont from Debian's csound-soundfont, on the classpath. */
    public static final String SOUNDFONT_RESOURCE = "/assets/soundfont/sf_GMbank.sf2";

    private final MusicComposer composer = new MusicComposer();
    private final GervillRenderer renderer;

    public MusicGenerator(GervillRenderer renderer) {
        this.renderer = renderer;
    }

    /** A generator over the soundfont shipped in the assets module. */
    public static MusicGenerator fromAssets() throws IOException {
        try (InputStream in = MusicGenerator.class.getResourceAsStream(SOUNDFONT_RESOURCE)) {
            if (in == null) {
                throw new IOException(SOUNDFONT_RESOURCE + " is not on the classpath (is the assets module there?)");
            }
            return new MusicGenerator(GervillRenderer.fromSf2(in, SOUNDFONT_RESOURCE));
        }
    }

    /** Composes and renders a mono piece of {@code seconds} at {@code sampleRate}. */
    public AudioClip generate(InstrumentFamily family, long seed, double seconds, int sampleRate) throws IOException {
        return renderer.render(composer.compose(family, seed, seconds), seconds, sampleRate);
    }
}
