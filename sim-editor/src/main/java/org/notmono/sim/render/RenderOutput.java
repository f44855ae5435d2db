package org.notmono.sim.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.notmono.audio.AudioClip;
import org.notmono.audio.SampleEncoding;
import org.notmono.audio.Wav;
import org.notmono.cli.InputException;
import org.notmono.io.AtomicFile;
import org.notmono.sim.scene.Rtsd;
import org.notmono.sim.scene.RtsdJson;

/** Writes a render as {@code OUT.wav} and {@code OUT.rtsd.json} beside it, each complete or not at all. */
public final class RenderOutput {

    private RenderOutput() {
    }

    /** Fails early, before any work, when the output folder cannot take the file. */
    public static void checkWritable(Path out) {
        Path folder = out.toAbsolutePath().getParent();
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new InputException("output folder " + folder + " is a file, not a folder; choose another -o");
        }
        if (!Files.isDirectory(folder)) {
            throw new InputException("output folder " + folder + " does not exist; create it first");
        }
        if (!Files.isWritable(folder)) {
            throw new InputException("output folder " + folder + " is not writable; choose another -o");
        }
        if (Files.exists(out) && !Files.isRegularFile(out) && !Files.isDirectory(out)) {
            throw new InputException(out + " is a device or a pipe, not a file; a render also writes "
                    + RtsdJson.besides(out).getFileName() + " beside its WAV, so give a file name");
        }
        AtomicFile.check(out);
    }

    public static void write(Path wav, RenderedScene rendered, Rtsd rtsd, int sampleRate, SampleEncoding encoding) throws IOException {
        Wav.write(wav, new AudioClip(sampleRate, rendered.audio()), encoding);
        try {
            writeAtomically(RtsdJson.besides(wav), RtsdJson.pretty(rtsd));
        } catch (IOException | RuntimeException e) {
            if (Files.isRegularFile(wav, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(wav); // a WAV without its ground truth is a half-written result
            }
            throw e;
        }
    }

    /** Deletes a folder and everything in it; nothing when it does not exist. */
    public static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Writes text (UTF-8) through an {@link AtomicFile}: complete under the target's name, or not at all. */
    public static void writeAtomically(Path target, String text) throws IOException {
        AtomicFile.writeString(target, text);
    }
}
