package org.notmono.training.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import ai.djl.Device;
import ai.djl.engine.EngineException;
import org.notmono.audio.AudioClip;
import org.notmono.cli.InputException;
import org.notmono.model.cli.DeviceOption;
import org.notmono.model.encoder.ClipFeatures;
import org.notmono.model.encoder.Encoder;
import org.notmono.model.encoder.EncoderConfig;
import org.notmono.model.encoder.EncoderModel;
import org.notmono.sim.sources.ClassVocabulary;
import org.notmono.sim.sources.SourceClass;
import org.notmono.training.stage1.SceneLabels;
import org.notmono.training.stage1.SourceLabel;
import org.notmono.training.stage1.Stage1Config;
import org.notmono.training.stage1.Stage1Step;
import org.notmono.training.stage1.WarmupCosine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code notmono bench encoder}: Stage 1 training throughput (samples per second, features
 * precomputed as in training) and inference time per 4-second clip ({@code Encoder.predict},
 * STFT included), warm, medians. {@code paper} is timed forward-only at batch 1.
 */
@Command(name = "encoder", mixinStandardHelpOptions = true,
        description = "Time the spatial encoder: training samples/s (tiny) and inference ms per 4-s clip (tiny, paper).")
public class BenchEncoderCommand implements Callable<Integer> {
    private static final double CLIP_SECONDS = 4.0;

    @Option(names = "--repeats", defaultValue = "5", paramLabel = "N")
    int repeats;

    @Option(names = "--threads", defaultValue = "2", paramLabel = "T", description = "intra-op threads (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--part", defaultValue = "all", paramLabel = "PART",
            description = "training, inference or all (default ${DEFAULT-VALUE}); 'training' alone is the quick A/B measurement")
    String part;

    @Mixin
    DeviceOption device;

    private Device on;
    /** Process CPU time per timed run of the last {@link #time}: less sensitive than wall time to other load on the machine. */
    private double cpuSecondsPerRun;

    @Override
    public Integer call() throws Exception {
        if (!List.of("all", "training", "inference").contains(part)) {
            throw new InputException("--part " + part + ": use training, inference or all");
        }
        EngineSetup.threads(threads);
        on = device.device();
        List<String> vocabulary = ClassVocabulary.fromAssets().classes().stream().map(SourceClass::id).toList();
        System.out.printf(Locale.ROOT, "spatial encoder, %d intra-op threads, %s, medians of %d warm runs%n", threads,
                on, repeats);
        if (!part.equals("inference")) {
            Stage1Config tiny = Stage1Config.resolve("tiny");
            double samplesPerSecond = trainingSamplesPerSecond(tiny, vocabulary);
            System.out.printf(Locale.ROOT, "tiny   training  %8.1f samples/s (batch %d, %.0f-s clips; %.3f CPU-s per step, all threads)%n",
                    samplesPerSecond, tiny.training().batchSize(), CLIP_SECONDS, cpuSecondsPerRun);
        }
        if (part.equals("training")) {
            return 0;
        }
        System.out.printf(Locale.ROOT, "tiny   inference %8.1f ms per %.0f-s clip%n", inferenceMillis(EncoderConfig.named("tiny"), vocabulary), CLIP_SECONDS);
        try {
            System.out.printf(Locale.ROOT, "paper  inference %8.1f ms per %.0f-s clip (forward only, batch 1)%n",
                    inferenceMillis(EncoderConfig.named("paper"), vocabulary), CLIP_SECONDS);
        } catch (EngineException | OutOfMemoryError e) {
            System.out.println("paper  inference: does not fit on this machine (" + e.getMessage() + ")");
        }
        return 0;
    }

    private double trainingSamplesPerSecond(Stage1Config config, List<String> vocabulary) {
        int batch = config.training().batchSize();
        int frames = config.encoder().frames((int) (CLIP_SECONDS * config.encoder().sampleRate()));
        SplittableRandom random = new SplittableRandom(1);
        List<ClipFeatures> features = new ArrayList<>();
        List<SceneLabels> labels = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            features.add(randomFeatures(config.encoder(), frames, random));
            List<SourceLabel> sources = new ArrayList<>();
            for (int j = 0; j <= i % 3; j++) {
                sources.add(new SourceLabel("s" + j, random.nextDouble(-180, 180), random.nextDouble(-60, 60),
                        random.nextDouble(0.5, 8), vocabulary.get(j), j));
            }
            labels.add(new SceneLabels("bench" + i, sources, 100, 0.3, false));
        }
        try (EncoderModel model = EncoderModel.create(config.encoder(), vocabulary, 1, on)) {
            Stage1Step step = new Stage1Step(model, config, new WarmupCosine(1e-4f, 1, 1000, 0));
            double[] seconds = time(() -> step.run(features, labels));
            return batch / median(seconds);
        }
    }

    private double inferenceMillis(EncoderConfig config, List<String> vocabulary) {
        SplittableRandom random = new SplittableRandom(2);
        float[][] foa = new float[4][(int) (CLIP_SECONDS * config.sampleRate())];
        for (float[] channel : foa) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = (float) random.nextGaussian(0, 0.1);
            }
        }
        AudioClip clip = new AudioClip(config.sampleRate(), foa);
        try (Encoder encoder = new Encoder(EncoderModel.create(config, vocabulary, 1, on))) {
            return 1000 * median(time(() -> encoder.predict(clip)));
        }
    }

    private static ClipFeatures randomFeatures(EncoderConfig c, int frames, SplittableRandom random) {
        float[] map = new float[EncoderConfig.CHANNELS * frames * c.bins()];
        float[] mel = new float[frames * c.melBands()];
        for (int i = 0; i < map.length; i++) {
            map[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < mel.length; i++) {
            mel[i] = (float) random.nextGaussian();
        }
        return new ClipFeatures(frames, c.bins(), c.melBands(), map, mel);
    }

    /** Seconds of each of {@code repeats} runs after two warm-up runs. */
    private double[] time(Runnable run) {
        run.run();
        run.run();
        double[] seconds = new double[repeats];
        long cpu0 = processCpuNanos();
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            run.run();
            seconds[i] = (System.nanoTime() - t0) / 1e9;
        }
        cpuSecondsPerRun = (processCpuNanos() - cpu0) / 1e9 / repeats;
        return seconds;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
