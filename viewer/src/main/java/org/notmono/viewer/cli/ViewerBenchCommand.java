package org.notmono.viewer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.notmono.bench.WarmTiming;
import org.notmono.audio.AudioClip;
import org.notmono.audio.SampleEncoding;
import org.notmono.audio.Wav;
import org.notmono.sim.render.ClipLoader;
import org.notmono.sim.render.RenderedScene;
import org.notmono.sim.render.RtsdBuilder;
import org.notmono.sim.render.SceneRenderer;
import org.notmono.sim.random.RandomSceneGenerator;
import org.notmono.sim.scene.Rtsd;
import org.notmono.sim.scene.Scene;
import org.notmono.sim.scene.metrics.LocalizationMetrics;
import org.notmono.sim.scene.metrics.TruthSource;
import org.notmono.sim.sources.ClipLibraries;
import org.notmono.task.TaskContext;
import org.notmono.viewer.analysis.DirectionGrid;
import org.notmono.viewer.analysis.DirectionMap;
import org.notmono.viewer.analysis.DspLocalizer;
import org.notmono.viewer.analysis.FrequencyScale;
import org.notmono.viewer.analysis.IntensityField;
import org.notmono.viewer.analysis.Spectrogram;
import org.notmono.viewer.analysis.SpectrogramRenderer;
import org.notmono.viewer.analysis.ColourMap;
import org.notmono.viewer.session.SpectrogramSettings;
import org.notmono.viewer.session.ViewerDocument;
import org.notmono.viewer.ui.ResponsivenessProbe;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code notmono bench viewer}: warm medians of the viewer's hot paths (DESIGN.md, Measuring),
 * and optionally the DSP localizer's accuracy on random TWNM scenes (evaluation seeds).
 */
@Command(name = "viewer", mixinStandardHelpOptions = true,
        description = "Benchmark the STFT, intensity map and spectrogram painting; optionally the DSP localizer's accuracy.")
public class ViewerBenchCommand implements Callable<Integer> {
    private static final int FS = 16000;
    private static final int WIDTH = 1600;
    private static final int PANE_HEIGHT = 160;

    @Option(names = "--runs", defaultValue = "11", description = "timed runs per case (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--accuracy", defaultValue = "0", paramLabel = "N",
            description = "also render N random scenes (seeds from 100000) and score the DSP localizer (default: skip)")
    int accuracyScenes;

    @Option(names = "--long", description = "also time the analysis of a 10-minute 4-channel file (load job, off the FX thread)")
    boolean longFile;

    @Option(names = "--fx", description = "with --long: open the 10-minute file in a real viewer window and report the longest "
            + "FX-thread stall for each of three opens (needs a display, e.g. xvfb-run)")
    boolean fx;

    @Override
    public Integer call() throws IOException, InterruptedException {
        AudioClip clip = noiseFoa(60);
        System.out.println("60 s, 4 channels, 16 kHz; median of " + runs + " warm runs:");
        double intensity = median(() -> DirectionMap.of(IntensityField.compute(clip, TaskContext.none()), new DirectionGrid(2)));
        System.out.printf(Locale.ROOT, "  STFT (512/256) + intensity + diffuseness + direction map: %8.1f ms%n", intensity);
        SpectrogramSettings defaults = SpectrogramSettings.DEFAULTS;
        double spectrogram = median(() -> Spectrogram.compute(clip, defaults.stft(), TaskContext.none()));
        System.out.printf(Locale.ROOT, "  spectrogram, 4 channels (512/128):                     %8.1f ms%n", spectrogram);
        Spectrogram s = Spectrogram.compute(clip, defaults.stft(), TaskContext.none());
        SpectrogramRenderer.Look look = new SpectrogramRenderer.Look(FrequencyScale.MEL, ColourMap.VIRIDIS, 0, 90, 0);
        for (double span : new double[] {60, 10, 1}) {
            double start = 30 - span / 2;
            double ms = median(() -> SpectrogramRenderer.render(s, 0, start, start + span, WIDTH, PANE_HEIGHT, look));
            System.out.printf(Locale.ROOT, "  repaint one pane %d x %d px, %4.0f s visible:           %8.2f ms%n", WIDTH,
                    PANE_HEIGHT, span, ms);
        }
        if (longFile) {
            benchLongFile();
        }
        if (accuracyScenes > 0) {
            accuracy();
        }
        return 0;
    }

    private void benchLongFile() throws IOException, InterruptedException {
        Path wav = Files.createTempFile("notmono-bench-10min", ".wav");
        try {
            Wav.write(wav, noiseFoa(600), SampleEncoding.PCM_16);
            long t0 = System.nanoTime();
            ViewerDocument d = ViewerDocument.load(wav, SpectrogramSettings.DEFAULTS, TaskContext.none());
            System.out.printf(Locale.ROOT, "10-minute 4-channel file: read + spectrogram + intensity + localizer (background job): %.0f ms%n",
                    (System.nanoTime() - t0) / 1e6);
            // what the FX thread then does once: paint all four panes and waveforms for the whole file
            SpectrogramRenderer.Look look = new SpectrogramRenderer.Look(FrequencyScale.LINEAR, ColourMap.VIRIDIS, 0, 90, 0);
            double ms = median(() -> {
                for (int c = 0; c < 4; c++) {
                    SpectrogramRenderer.render(d.spectrogram(), c, 0, 600, WIDTH, PANE_HEIGHT, look);
                    int perPixel = d.audio().frames() / WIDTH;
                    for (int px = 0; px < WIDTH; px++) {
                        d.waveform().range(d.audio(), c, px * perPixel, (px + 1) * perPixel);
                    }
                }
                return d;
            });
            System.out.printf(Locale.ROOT, "  first paint on the FX thread, 4 spectrograms + 4 waveforms at %d px, whole file: %.1f ms%n",
                    WIDTH, ms);
            if (fx) {
                List<ResponsivenessProbe.Result> opens = ResponsivenessProbe.measure(wav, WIDTH, 1000, 3);
                ResponsivenessProbe.Result reference = opens.getLast();
                System.out.printf(Locale.ROOT, "  reference, the same window repainted whole with nothing to compute: longest pulse gap "
                        + "%.1f ms, longest FX event wait %.1f ms%n", reference.longestGapMillis(), reference.longestEventWaitMillis());
                for (int i = 0; i < opens.size() - 1; i++) {
                    ResponsivenessProbe.Result r = opens.get(i);
                    System.out.printf(Locale.ROOT, "  open %d in a %d px viewer window: longest FX event wait %.1f ms; longest pulse gap "
                            + "%.1f ms, ending %.0f ms %s the document arrived%n", i + 1, WIDTH, r.longestEventWaitMillis(),
                            r.longestGapMillis(), Math.abs(r.endedRelativeToDocumentMillis()),
                            r.endedRelativeToDocumentMillis() < 0 ? "before" : "after");
                }
            }
        } finally {
            Files.deleteIfExists(wav);
        }
    }

    /** Scores the localizer on random scenes, per true source count. */
    private void accuracy() throws IOException {
        RandomSceneGenerator generator = new RandomSceneGenerator(ClipLibraries.standard(), 4.0);
        ClipLoader clips = new ClipLoader(ClipLibraries.standard(), Path.of("."));
        LocalizationMetrics[] byCount = {new LocalizationMetrics(), new LocalizationMetrics(), new LocalizationMetrics()};
        List<Double> singleErrors = new ArrayList<>();
        DspLocalizer localizer = new DspLocalizer(DspLocalizer.MAX_COUNT);
        for (int i = 0; i < accuracyScenes; i++) {
            Scene scene = generator.generate(100_000, i);
            RenderedScene rendered = new SceneRenderer(clips).render(scene, TaskContext.none());
            Rtsd truth = new RtsdBuilder(clips).build("bench", 100_000L, (long) i, scene, rendered);
            var p = localizer.localize(IntensityField.compute(new AudioClip(scene.sampleRate(), rendered.audio()), TaskContext.none()));
            var pairs = byCount[scene.sources().size() - 1].add(p, TruthSource.of(truth));
            if (scene.sources().size() == 1 && !pairs.isEmpty()) {
                singleErrors.add(pairs.getFirst().angularError());
            }
        }
        System.out.println("DSP localizer on " + accuracyScenes + " random TWNM scenes (seed 100000, 4 s, the standard clip library):");
        System.out.println("  sources  clips  count acc  angular err  F20 (class-agnostic)");
        for (int c = 0; c < 3; c++) {
            LocalizationMetrics.Summary m = byCount[c].summary();
            System.out.printf(Locale.ROOT, "  %7d  %5d  %9.2f  %9.1f deg  %8.2f%n", c + 1, m.clips(), m.countAccuracy(),
                    m.angularErrorDeg(), m.f20ClassAgnostic());
        }
        double[] e = singleErrors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (e.length > 0) {
            System.out.printf(Locale.ROOT, "  single source median angular error: %.1f deg%n", e[e.length / 2]);
        }
    }

    /** Two plane waves in diffuse noise: the analysis does real work in every bin. */
    private static AudioClip noiseFoa(double seconds) {
        int n = (int) (seconds * FS);
        float[][] foa = new float[4][n];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            double a = r.nextGaussian() * 0.1;
            double b = r.nextGaussian() * 0.1;
            foa[0][i] = (float) (a + b + r.nextGaussian() * 0.01);
            foa[1][i] = (float) (0.7 * a - 0.5 * b);
            foa[2][i] = (float) (0.1 * a);
            foa[3][i] = (float) (0.7 * a + 0.8 * b);
        }
        return new AudioClip(FS, foa);
    }

    /** Median wall time in ms of {@code runs} calls after five warm-up calls. */
    private double median(Supplier<Object> job) {
        return WarmTiming.medianMillis(5, runs, job);
    }
}
