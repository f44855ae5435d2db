package org.notmono.sim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import org.jtransforms.utils.CommonUtils;
import org.notmono.bench.WarmTiming;
import org.notmono.audio.AudioClip;
import org.notmono.sim.dataset.DatasetBuilder;
import org.notmono.sim.dataset.DatasetConfig;
import org.notmono.sim.render.ClipLoader;
import org.notmono.sim.render.SceneRenderer;
import org.notmono.sim.room.Absorption;
import org.notmono.sim.room.ImageSourceMethod;
import org.notmono.sim.room.Orientation;
import org.notmono.sim.room.Point3;
import org.notmono.sim.room.RirOptions;
import org.notmono.sim.room.RirRequest;
import org.notmono.sim.room.RoomSimulator;
import org.notmono.sim.room.Shoebox;
import org.notmono.sim.room.TailModel;
import org.notmono.sim.render.RenderOutput;
import org.notmono.sim.scene.Scene;
import org.notmono.sim.sources.ClipInfo;
import org.notmono.sim.sources.ClipLibraries;
import org.notmono.sim.sources.ClipLibrary;
import org.notmono.sim.sources.SourceFamily;
import org.notmono.task.TaskContext;
import org.notmono.task.TerminalProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code notmono bench sim}: warm medians of the fixed simulation cases (DESIGN.md, Measuring):
 * FOA RIRs in the 6 x 5 x 3 m reference room at orders 10, 17, 30, 40, a 3-source 5-second
 * render on one core, and optionally a dataset build.
 */
@Command(name = "sim", mixinStandardHelpOptions = true, description = "Benchmark RIRs, rendering and (optionally) a dataset build.")
public class SimBenchCommand implements Callable<Integer> {
    private static final Shoebox ROOM = new Shoebox(6, 5, 3);
    private static final Point3 SOURCE = new Point3(2, 3, 1.5);
    private static final Point3 RECEIVER = new Point3(4, 2, 1.7);
    private static final int FS = 16000;

    @Option(names = "--runs", defaultValue = "21", description = "timed runs per case (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--dataset", defaultValue = "0", paramLabel = "N",
            description = "also build an N-scene 4-second dataset in a temporary folder on all cores and time it (default: skip)")
    int datasetCount;

    @Override
    public Integer call() throws IOException {
        // one core for the single-core cases: no JTransforms helper threads
        CommonUtils.setThreadsBeginN_1D_FFT_2Threads(Long.MAX_VALUE);
        CommonUtils.setThreadsBeginN_1D_FFT_4Threads(Long.MAX_VALUE);
        System.out.printf(Locale.ROOT, "%d cores, Java %s%n", Runtime.getRuntime().availableProcessors(), Runtime.version());
        System.out.println("FOA RIR (4 channels), 6x5x3 m, absorption 0.2, 16 kHz; median of " + runs + " warm runs:");
        for (int order : new int[] {10, 17, 30, 40}) {
            RirRequest req = new RirRequest(ROOM, Absorption.uniform(0.2), SOURCE, RECEIVER, Orientation.FRONT, FS,
                    RirOptions.pyroomacoustics(order));
            double foa = median(() -> RoomSimulator.foa(req));
            double omni = median(() -> RoomSimulator.omni(req));
            System.out.printf(Locale.ROOT, "  order %2d: %6d images  FOA %7.2f ms  (omni %6.2f ms, %.0f ns per image per FOA)%n",
                    order, ImageSourceMethod.imageCount(order), foa, omni, foa * 1e6 / ImageSourceMethod.imageCount(order));
        }
        benchRender();
        if (datasetCount > 0) {
            benchDataset();
        }
        return 0;
    }

    private void benchRender() throws IOException {
        ClipLibrary noise = new NoiseClips(5.0);
        Scene scene = new Scene(FS, 5.0, new Scene.Room(ROOM, null, 0.5, 17, TailModel.EYRING),
                new Scene.Receiver(RECEIVER, Orientation.FRONT), List.of(
                        new Scene.Source("s1", noise.clips().get(0).ref(), "noise", 0, 0, SOURCE, null),
                        new Scene.Source("s2", noise.clips().get(1).ref(), "noise", -3, 0, new Point3(1, 1, 1.2), null),
                        new Scene.Source("s3", noise.clips().get(2).ref(), "noise", -6, 0, new Point3(5, 4, 2.2), null)),
                null);
        SceneRenderer renderer = new SceneRenderer(new ClipLoader(noise, Path.of(".")));
        double ms = median(() -> {
            try {
                return renderer.render(scene, TaskContext.none());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        System.out.printf(Locale.ROOT, "Render: 6x5x3 m, RT60 0.5 s, order 17 + Eyring tail, 3 sources, 5 s at 16 kHz, one thread:%n"
                + "  %.1f ms = %.0f x real time%n", ms, 5000 / ms);
    }

    private void benchDataset() throws IOException {
        CommonUtils.resetThreadsBeginN_FFT();
        Path dir = Files.createTempDirectory("notmono-bench-dataset");
        int cores = Runtime.getRuntime().availableProcessors();
        long start = System.nanoTime();
        try (TerminalProgressBar bar = TerminalProgressBar.onStderr()) {
            new DatasetBuilder(new DatasetConfig(1, datasetCount, 4.0, DatasetConfig.DEFAULT_SHARD_SIZE), ClipLibraries.standard(), cores)
                    .build(dir.resolve("data"), bar);
        }
        double s = (System.nanoTime() - start) / 1e9;
        long bytes;
        try (var walk = Files.walk(dir)) {
            bytes = walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        System.out.printf(Locale.ROOT, "Dataset: %d scenes of 4 s on %d threads: %.1f s (%.1f scenes/s, %.0f MB)%n",
                datasetCount, cores, s, datasetCount / s, bytes / 1e6);
        RenderOutput.deleteRecursively(dir);
    }

    /** Median wall time in ms of {@code runs} calls after half as many warm-up calls (at least 5). */
    private double median(java.util.function.Supplier<Object> job) {
        return WarmTiming.medianMillis(Math.max(5, runs / 2), runs, job);
    }

    /** Three seconds-long white-noise clips, so the render benchmark has 5-second sources. */
    private record NoiseClips(double seconds) implements ClipLibrary {
        @Override
        public List<ClipInfo> clips() {
            return List.of(1, 2, 3).stream().map(i -> new ClipInfo("bench:noise" + i, "noise", SourceFamily.ENVIRONMENTAL,
                    seconds, FS, null)).toList();
        }

        @Override
        public AudioClip load(ClipInfo clip, int sampleRate) {
            SplittableRandom r = new SplittableRandom(clip.ref().hashCode());
            float[] x = new float[(int) Math.round(seconds * sampleRate)];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (0.1 * (2 * r.nextDouble() - 1));
            }
            return AudioClip.mono(sampleRate, x);
        }
    }
}
