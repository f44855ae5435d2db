package org.notmono.model.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import org.notmono.audio.AudioClip;
import org.notmono.cli.InputException;
import org.notmono.model.chat.ChatAnswer;
import org.notmono.model.chat.ChatInputException;
import org.notmono.model.chat.ChatRequest;
import org.notmono.model.chat.GenerationSettings;
import org.notmono.model.encoder.ShippedCheckpoint;
import org.notmono.model.generate.Generated;
import org.notmono.model.generate.Generator;
import org.notmono.model.lalm.ChatPrompt;
import org.notmono.model.lalm.FreshLalm;
import org.notmono.model.lalm.Lalm;
import org.notmono.model.lalm.LalmModel;
import org.notmono.model.lalm.PromptEmbedding;
import org.notmono.model.lm.Qwen2Config;
import org.notmono.sim.random.RandomSceneGenerator;
import org.notmono.sim.render.ClipLoader;
import org.notmono.sim.render.SceneRenderer;
import org.notmono.sim.scene.Scene;
import org.notmono.sim.sources.ClipLibraries;
import org.notmono.task.TaskContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code notmono bench chat}: how fast the LALM answers on this machine. Time to first token
 * for a rendered 4-s clip (encoding, projection and the prompt pass included), streaming speed
 * with and without the KV cache, batched rollout throughput for G samples, and peak memory.
 * Without {@code --checkpoint} it times the shipped {@code lalm-tiny}, like {@code ask}; with
 * {@code --untrained} a fresh {@code tiny}-sized LALM with untrained LM and projector over the
 * shipped encoder (for a machine whose assets carry no LALM). Decoding uses one intra-op thread.
 */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"Time the spatial LALM: first token for a 4-s clip, tokens/s with and without KV cache, batched rollouts, peak memory.",
            "Times the shipped lalm-tiny unless --checkpoint DIR or --untrained says otherwise."})
public class ChatBenchCommand implements Callable<Integer> {
    private static final String QUESTION = "Where is the loudest source, and how far away is it?";

    @Mixin
    LalmCheckpointOption checkpoint;

    @Option(names = "--untrained", description = "time a fresh tiny-sized LALM with untrained LM and projector over the shipped encoder"
            + " instead (speed does not depend on the weights; its vocabulary is 4,096 against lalm-tiny's 2,048)")
    boolean untrained;

    @Mixin
    DeviceOption device;

    @Option(names = "--repeats", defaultValue = "5", paramLabel = "N", description = "timed runs per number (default ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--tokens", defaultValue = "128", paramLabel = "N", description = "generated tokens per streaming run (default ${DEFAULT-VALUE})")
    int tokens;

    @Option(names = "--samples", defaultValue = "8", paramLabel = "G", description = "rollouts per prompt (default ${DEFAULT-VALUE})")
    int samples;

    /** How the streaming runs pick tokens (greedy by default, like {@code ask}); rollouts sample at temperature 1. */
    @Mixin
    SamplingOptions sampling;

    @Override
    public Integer call() throws Exception {
        if (repeats < 1 || tokens < 2 || samples < 1) {
            throw new InputException("--repeats, --samples must be >= 1 and --tokens >= 2");
        }
        try (Lalm lalm = openModel()) {
            AudioClip clip = renderClip();
            LalmModel model = lalm.model();
            Qwen2Config c = model.lm().config();
            System.out.printf(Locale.ROOT, "LALM %s: LM d %d, %d layers, %d/%d heads, vocab %d, %.1f M LM parameters; projector %s;"
                            + " 1 intra-op thread; medians of %d warm runs%n", model.name(), c.hiddenSize(), c.layers(), c.heads(),
                    c.kvHeads(), c.vocabSize(), model.lm().parameterCount() / 1e6, model.projector().config().kind(), repeats);
            firstToken(lalm, clip);
            int threads = JniUtils.getNumThreads();
            JniUtils.setNumThreads(1);
            try (NDManager manager = model.lm().manager().newSubManager()) {
                NDArray audio = model.audioTokens(clip, manager);
                long[] ids = model.tokenizer().encode(ChatPrompt.render(List.of(), QUESTION, false));
                NDArray prompt = PromptEmbedding.embed(model.lm(), ids, model.anchor(), audio, manager);
                System.out.printf(Locale.ROOT, "prompt: %d positions (%d audio tokens)%n", prompt.getShape().get(1), audio.getShape().get(1));
                // no end tokens: every run generates exactly the asked number of tokens
                Generator generator = new Generator(model.lm(), model.tokenizer());
                GenerationSettings streamed = sampling.settings(tokens, List.of());
                double[] cached = streaming(generator, prompt, streamed);
                System.out.printf(Locale.ROOT, "stream, KV cache      %8.1f tokens/s (%d tokens, one sequence, %s; %.1f tokens per CPU-second)%n",
                        cached[0], tokens, sampling.describe(), cached[1]);
                GenerationSettings shorter = sampling.settings(Math.max(2, tokens / 4), List.of());
                double[] full = streaming(generator.withoutCache(), prompt, shorter);
                System.out.printf(Locale.ROOT, "stream, no cache      %8.1f tokens/s (%d tokens, full recomputation each step;"
                        + " %.1f tokens per CPU-second)%n", full[0], shorter.maxNewTokens(), full[1]);
                GenerationSettings sampled = new GenerationSettings(tokens / 2, 1.0, 0, 1, 7, List.of());
                double[] seconds = new double[repeats];
                generator.sample(prompt, samples, sampled, TaskContext.none());
                for (int r = 0; r < repeats; r++) {
                    long t0 = System.nanoTime();
                    generator.sample(prompt, samples, sampled, TaskContext.none());
                    seconds[r] = (System.nanoTime() - t0) / 1e9;
                }
                System.out.printf(Locale.ROOT, "rollouts G = %d       %8.1f tokens/s total (%d tokens each, temperature 1, prompt pass included)%n",
                        samples, samples * sampled.maxNewTokens() / median(seconds), sampled.maxNewTokens());
            } finally {
                JniUtils.setNumThreads(threads);
            }
            System.out.printf(Locale.ROOT, "peak memory: %.0f MB resident (process high-water mark), %.0f MB Java heap used%n",
                    peakResidentMb(), (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1e6);
        }
        return 0;
    }

    /** The model to time: the shipped lalm-tiny, the {@code --checkpoint}, or with {@code --untrained} a fresh tiny LALM. */
    Lalm openModel() throws IOException {
        if (untrained && checkpoint.isGiven()) {
            throw new InputException("--untrained and --checkpoint do not go together: give one model to time");
        }
        return untrained ? untrainedTiny(device.device()) : Lalm.load(checkpoint.folder(), device.device());
    }

    private void firstToken(Lalm lalm, AudioClip clip) throws ChatInputException, IOException {
        ChatRequest request = new ChatRequest(clip, List.of(), QUESTION, null, false, GenerationSettings.greedy(1));
        lalm.answer(request, x -> { }, TaskContext.none());
        double[] first = new double[repeats];
        double[] encode = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            ChatAnswer a = lalm.answer(request, x -> { }, TaskContext.none());
            first[r] = a.firstTokenMillis();
            int threads = JniUtils.getNumThreads();
            JniUtils.setNumThreads(1);
            try (NDManager m = lalm.model().lm().manager().newSubManager()) {
                long t0 = System.nanoTime();
                lalm.model().audioTokens(clip, m).toFloatArray();
                encode[r] = (System.nanoTime() - t0) / 1e6;
            } finally {
                JniUtils.setNumThreads(threads);
            }
        }
        System.out.printf(Locale.ROOT, "first token           %8.1f ms for a %.0f-s clip (of which encoder + projector %.1f ms)%n",
                median(first), clip.duration(), median(encode));
    }

    /**
     * Median tokens per wall-clock second after the first token (steady state), and median
     * tokens per CPU-second of the decoding thread for the whole call (with one intra-op thread
     * PyTorch computes on the caller's thread, so this second number hardly depends on what
     * else the machine runs).
     */
    private double[] streaming(Generator generator, NDArray prompt, GenerationSettings settings) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        generator.generate(prompt, settings, x -> { }, TaskContext.none());
        double[] rates = new double[repeats];
        double[] cpuRates = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long cpu0 = cpu.getCurrentThreadCpuTime();
            Generated g = generator.generate(prompt, settings, x -> { }, TaskContext.none());
            long end = System.nanoTime();
            cpuRates[r] = g.tokens().length / ((cpu.getCurrentThreadCpuTime() - cpu0) / 1e9);
            rates[r] = (g.tokens().length - 1) / ((end - g.firstTokenNanos()) / 1e9); // steady state, after the first token
        }
        return new double[] {median(rates), median(cpuRates)};
    }

    /** A tiny LALM with untrained LM and projector over the shipped encoder; its tokenizer is trained on a few sentences. */
    private static Lalm untrainedTiny(Device device) throws IOException {
        Path encoder = ShippedCheckpoint.extract().orElseThrow(() -> new InputException(
                "no shipped encoder in the assets to time an untrained LALM over: pass --checkpoint DIR"));
        Path dir = Files.createTempDirectory("notmono-bench-chat");
        dir.toFile().deleteOnExit();
        Path tokenizer = dir.resolve("tokenizer.json");
        List<String> corpus = new ArrayList<>();
        for (String s : List.of(ChatPrompt.SYSTEM, QUESTION, "A dog barks behind you to the left, about 2 m away.",
                "The room is small and dry; a woman speaks in front of you.")) {
            corpus.addAll(java.util.Collections.nCopies(5, s));
        }
        tokenizer.toFile().deleteOnExit();
        return new Lalm(FreshLalm.create("tiny, untrained", encoder, Qwen2Config.tiny(4096), 600, corpus, tokenizer, 256, 512, 1, device));
    }

    /** The held-out benchmark scene 100000/0, rendered: 4 s of FOA at 16 kHz. */
    private static AudioClip renderClip() throws IOException {
        var library = ClipLibraries.standard();
        Scene scene = new RandomSceneGenerator(library, 4.0).generate(100_000, 0);
        Path scratch = Files.createTempDirectory("notmono-bench-chat-clips");
        scratch.toFile().deleteOnExit();
        return new AudioClip(scene.sampleRate(), new SceneRenderer(new ClipLoader(library, scratch)).render(scene, TaskContext.none()).audio());
    }

    private static double peakResidentMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return Double.NaN;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
