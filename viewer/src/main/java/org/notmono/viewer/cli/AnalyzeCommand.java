package org.notmono.viewer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.notmono.audio.AudioClip;
import org.notmono.cli.InputException;
import org.notmono.sim.scene.Slot;
import org.notmono.sim.scene.SlotJson;
import org.notmono.sim.scene.SlotPrediction;
import org.notmono.task.TerminalProgressBar;
import org.notmono.viewer.analysis.DspLocalizer;
import org.notmono.viewer.analysis.IntensityField;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code notmono analyze CLIP.wav}: the DSP localizer's slots as JSON or a table. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Find sources in a 4-channel ambiX FOA clip with the DSP localizer (intensity vectors).")
public class AnalyzeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CLIP.wav", description = "4-channel ambiX FOA WAV (W, Y, Z, X; SN3D)")
    Path clip;

    @Option(names = "--max-sources", defaultValue = "3", paramLabel = "K",
            description = "at most this many slots (default ${DEFAULT-VALUE})")
    int maxSources;

    @Option(names = "--json", description = "print {\"slots\": [...], \"count\": n} instead of a table")
    boolean json;

    @Option(names = "--frames", paramLabel = "SECONDS", arity = "0..1", fallbackValue = "0.5",
            description = "also give slots every 100 ms from a window of SECONDS around each step (default window 0.5 s)")
    Double frameWindow;

    @Override
    public Integer call() throws IOException {
        if (frameWindow != null && !(frameWindow > 0)) {
            throw new InputException("--frames needs a positive window in seconds, got " + frameWindow);
        }
        if (maxSources < 1) {
            throw new InputException("--max-sources must be at least 1, got " + maxSources);
        }
        AudioClip foa = ClipInput.readFoa(clip);
        SlotPrediction p;
        try (TerminalProgressBar bar = TerminalProgressBar.onStderr()) {
            IntensityField field = IntensityField.compute(foa, bar);
            DspLocalizer localizer = new DspLocalizer(maxSources);
            p = frameWindow == null ? localizer.localize(field) : localizer.localizeFrames(field, frameWindow);
        }
        System.out.println(json ? SlotJson.line(p) : table(p));
        return 0;
    }

    static String table(SlotPrediction p) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%d source(s) estimated%n", p.count()));
        b.append(String.format(Locale.ROOT, "%-5s %9s %10s %10s%n", "slot", "azimuth", "elevation", "existence"));
        for (int i = 0; i < p.slots().size(); i++) {
            Slot s = p.slots().get(i);
            b.append(String.format(Locale.ROOT, "%-5d %9.1f %10.1f %10.2f%s%n", i + 1, s.azimuth(), s.elevation(),
                    s.existence(), s.exists() ? "" : "  (does not exist)"));
        }
        b.append("azimuth counter-clockwise from the front (+90 = left), elevation up, degrees");
        return b.toString();
    }
}
