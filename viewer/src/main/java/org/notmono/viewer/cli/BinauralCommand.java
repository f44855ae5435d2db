package org.notmono.viewer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.notmono.audio.AudioClip;
import org.notmono.audio.SampleEncoding;
import org.notmono.audio.Wav;
import org.notmono.cli.InputException;
import org.notmono.io.AtomicFile;
import org.notmono.viewer.listen.Listening;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code notmono binaural CLIP.wav -o out.wav}: the FOA clip as a listener hears it on headphones. */
@Command(name = "binaural", mixinStandardHelpOptions = true,
        description = "Decode a 4-channel ambiX FOA clip to binaural (KEMAR HRTF) or plain stereo, with head yaw.")
public class BinauralCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CLIP.wav", description = "4-channel ambiX FOA WAV (W, Y, Z, X; SN3D)")
    Path clip;

    @Option(names = "-o", required = true, paramLabel = "OUT.wav", description = "2-channel output WAV")
    Path out;

    @Option(names = "--yaw", defaultValue = "0", paramLabel = "DEG",
            description = "head yaw in degrees, positive turns the head left (default ${DEFAULT-VALUE})")
    double yaw;

    @Option(names = "--stereo", description = "virtual-cardioid stereo instead of binaural")
    boolean stereo;

    @Override
    public Integer call() throws IOException {
        if (!Double.isFinite(yaw)) {
            throw new InputException("--yaw must be a finite number of degrees, got " + yaw);
        }
        AtomicFile.check(out);
        AudioClip foa = ClipInput.readFoa(clip);
        AudioClip rendered = Listening.render(foa, yaw, stereo ? Listening.Mode.STEREO : Listening.Mode.BINAURAL);
        requireFinite(rendered);
        Wav.write(out, rendered, SampleEncoding.FLOAT_32);
        System.out.printf(Locale.ROOT, "%s: %s, 2 channels, %.2f s at %d Hz, head yaw %.1f deg%n", out,
                stereo ? "stereo (virtual cardioids)" : "binaural (KEMAR)", rendered.duration(), rendered.sampleRate(), yaw);
        return 0;
    }

    /** Finite samples far above full scale can still overflow the decoder's float sums: refuse, never write infinities. */
    private void requireFinite(AudioClip rendered) {
        for (float[] channel : rendered.channels()) {
            for (int i = 0; i < channel.length; i++) {
                if (!Float.isFinite(channel[i])) {
                    throw new InputException(String.format(Locale.ROOT, "%s: decoding overflows at %.3f s; the clip's samples are far"
                            + " above full scale (normalise it first)", clip, i / (double) rendered.sampleRate()));
                }
            }
        }
    }
}
