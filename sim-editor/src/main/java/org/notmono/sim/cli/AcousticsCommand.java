package org.notmono.sim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.notmono.audio.AudioClip;
import org.notmono.audio.AudioFileException;
import org.notmono.audio.Wav;
import org.notmono.cli.InputException;
import org.notmono.sim.room.DecayAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code notmono acoustics RIR.wav}: measured RT60 (T20, T30), DRR and the energy decay curve. */
@Command(name = "acoustics", mixinStandardHelpOptions = true,
        description = "Measure an impulse response (first channel, W for FOA): T20, T30, DRR and the Schroeder decay.")
public class AcousticsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RIR.wav")
    Path rir;

    @Option(names = "--edc-step", defaultValue = "0.05", paramLabel = "SEC",
            description = "print the energy decay curve every SEC seconds (default ${DEFAULT-VALUE}; 0 for none)")
    double edcStep;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(rir)) {
            throw new InputException(rir + " does not exist or is not a file");
        }
        AudioClip clip;
        try {
            clip = Wav.read(rir);
        } catch (AudioFileException e) {
            throw new InputException(e.getMessage(), e);
        }
        float[] h = clip.channel(0);
        int fs = clip.sampleRate();
        if (isSilent(h)) {
            throw new InputException(rir + ": the first channel is " + (h.length == 0 ? "empty" : "silent")
                    + "; there is no decay to measure");
        }
        System.out.printf(Locale.ROOT, "%s: %d channel(s), %d samples at %d Hz%n", rir, clip.channelCount(), h.length, fs);
        double drr = DecayAnalysis.directToReverberant(h, fs);
        System.out.printf(Locale.ROOT, "T20 %s  T30 %s  DRR %s%n", seconds(DecayAnalysis.t20(h, fs)),
                seconds(DecayAnalysis.t30(h, fs)), Double.isFinite(drr) ? String.format(Locale.ROOT, "%.2f dB", drr)
                        : "n/a (no reverberant part)");
        if (edcStep > 0) {
            double[] edc = DecayAnalysis.energyDecayCurve(h);
            System.out.println("EDC (s, dB):");
            int step = Math.max(1, (int) Math.round(edcStep * fs));
            for (int i = 0; i < edc.length && edc[i] > -90; i += step) {
                System.out.printf(Locale.ROOT, "  %.3f %.1f%n", i / (double) fs, edc[i]);
            }
        }
        return 0;
    }

    private static boolean isSilent(float[] h) {
        for (float v : h) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    private static String seconds(double t) {
        return !Double.isFinite(t) ? "n/a (decay too short)" : String.format(Locale.ROOT, "%.3f s", t);
    }
}
