package org.notmono.sim.sources.music;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.notmono.audio.SampleEncoding;
import org.notmono.audio.Wav;

/**
 * Build step of {@code assets/build/rebuild-assets.sh}: renders one clip per instrument family
 * and seed as {@code gervill_<family>_s<seed>.wav} for the asset script to trim, normalise and
 * list in the manifest.
 *
 * <p>Usage: {@code RenderMusicClips SF2 OUT_DIR SECONDS SAMPLE_RATE SEED...}
 */
public final class RenderMusicClips {

    private RenderMusicClips() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 5) {
            System.err.println("usage: RenderMusicClips SF2 OUT_DIR SECONDS SAMPLE_RATE SEED...");
            System.exit(2);
        }
        Path sf2 = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        double seconds = Double.parseDouble(args[2]);
        int sampleRate = Integer.parseInt(args[3]);
        MusicGenerator generator;
        try (InputStream in = Files.newInputStream(sf2)) {
            generator = new MusicGenerator(GervillRenderer.fromSf2(in, sf2.toString()));
        }
        for (InstrumentFamily family : InstrumentFamily.values()) {
            for (int i = 4; i < args.length; i++) {
                long seed = Long.parseLong(args[i]);
                Path file = out.resolve("gervill_" + family.classId() + "_s" + seed + ".wav");
                Wav.write(file, generator.generate(family, seed, seconds, sampleRate), SampleEncoding.FLOAT_32);
                System.out.println(file);
            }
        }
    }
}
