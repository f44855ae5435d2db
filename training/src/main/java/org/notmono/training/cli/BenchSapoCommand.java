package org.notmono.training.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.notmono.audio.AudioClip;
import org.notmono.cli.InputException;
import org.notmono.model.cli.DeviceOption;
import org.notmono.model.encoder.ClipFeatures;
import org.notmono.model.encoder.ShippedCheckpoint;
import org.notmono.model.lalm.ChatPrompt;
import org.notmono.model.lalm.LalmModel;
import org.notmono.model.lm.Qwen2Config;
import org.notmono.model.lm.Qwen2Model;
import org.notmono.model.lora.LoraAdapters;
import org.notmono.model.projector.ProjectorKind;
import org.notmono.model.tokenizer.BpeTrainer;
import org.notmono.model.tokenizer.SpecialTokens;
import org.notmono.task.TaskContext;
import org.notmono.training.qa.Family;
import org.notmono.training.qa.QaItem;
import org.notmono.training.qa.QaKind;
import org.notmono.training.sapo.AdaptiveKlController;
import org.notmono.training.sapo.EncodedClips;
import org.notmono.training.sapo.SapoConfig;
import org.notmono.training.sapo.SapoStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code notmono bench sapo}: Stage 4 steps of the {@code tiny} config, rollouts capped at {@code --max-tokens}, on a LALM of the {@code tiny}
 * decoder size (random weights, the shipped encoder): rollouts per second and generated tokens per
 * second of whole steps (sampling, rewards, the reference's log-probs, the updates), median of warm steps.
 * Random weights rarely end a rollout early, so every rollout runs to the token limit: the slow case.
 */
@Command(name = "sapo", mixinStandardHelpOptions = true,
        description = "Time Stage 4 (SAPO) steps of the tiny config with rollouts capped at --max-tokens: rollouts/s and generated tokens/s.")
public class BenchSapoCommand implements Callable<Integer> {
    @Option(names = "--steps", defaultValue = "3", paramLabel = "N", description = "timed steps after one warm-up (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--max-tokens", defaultValue = "96", paramLabel = "T", description = "tokens per rollout (default ${DEFAULT-VALUE}: a random decoder writes every rollout to this length)")
    int maxTokens;

    @Mixin
    DeviceOption device;

    @Override
    public Integer call() throws IOException {
        if (steps < 1 || maxTokens < 1) {
            throw new InputException("--steps and --max-tokens must be at least 1");
        }
        Device on = device.device();
        Path encoder = ShippedCheckpoint.extract().orElseThrow(() -> new InputException("the shipped encoder-tiny is missing from assets"));
        Path tmp = Files.createTempDirectory("notmono-bench-sapo");
        String question = "Where is the dog barking?";
        List<String> options = List.of("front", "left", "right", "behind");
        List<String> corpus = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            corpus.add(ChatPrompt.render(List.of(), ChatPrompt.question(question, options), true)
                    + "<think>I hear the dog on my left, about two metres away.</think><answer>B</answer>");
        }
        Path tokenizer = tmp.resolve("tokenizer.json");
        new BpeTrainer(1024, SpecialTokens.ALL).train(corpus).write(tokenizer);
        SapoConfig t = SapoConfig.tiny();
        SapoConfig config = new SapoConfig(steps + 1, t.promptsPerStep(), t.group(), maxTokens, t.temperature(), t.topP(),
                t.updatesPerBatch(), t.learningRate(), t.warmupRatio(), t.weightDecay(), t.clip(), t.tauPositive(), t.tauNegative(),
                t.klInitial(), t.klTarget(), t.klHorizon(), t.klSmoothing(), t.advantageStdFloor(), t.lossOnReasoning(), t.greedyWrongOnly(),
                t.rewards(),
                t.minReasoning(), t.maxReasoning(), t.loraRank(), t.loraAlpha(), t.loraTargets(), 0, t.checkpointEvery(), t.seed());
        Qwen2Config lmConfig = Qwen2Config.tiny(1024);
        try (NDManager decoderManager = NDManager.newBaseManager(on);
             LalmModel model = LalmModel.assemble("bench", encoder, Qwen2Model.create(lmConfig, 1, decoderManager), tokenizer,
                     ProjectorKind.P2, 128, 256, 2, on);
             LoraAdapters policy = LoraAdapters.attach(model.lm(), config.lora(), config.seed())) {
            ClipFeatures features = model.features(noise());
            EncodedClips clips = (clip, manager) -> model.encode(List.of(features), manager);
            SapoStep sapo = new SapoStep(model, policy, config,
                    new AdaptiveKlController(config.klInitial(), config.klTarget(), config.klHorizon(), config.klSmoothing()), clips);
            List<QaItem> prompts = new ArrayList<>();
            for (int p = 0; p < config.promptsPerStep(); p++) {
                prompts.add(new QaItem("bench-" + p, "s", "clip.wav", Family.AZIMUTH, QaKind.MCQ, "azimuth/t1", question, options, "B",
                        "left", null, List.of(), "<answer>B</answer>", null));
            }
            System.out.printf(Locale.ROOT, "SAPO steps, tiny config capped at --max-tokens: %d prompts x G %d, %d tokens per rollout at most, %d update passes;"
                            + " decoder d %d, %d layers, vocabulary %d (random weights), LoRA r %d on %s; on %s%n",
                    config.promptsPerStep(), config.group(), maxTokens, config.updatesPerBatch(), lmConfig.hiddenSize(), lmConfig.layers(),
                    lmConfig.vocabSize(), config.loraRank(), config.loraTargets(), on);
            double[] seconds = new double[steps];
            long tokens = 0;
            for (int s = 0; s <= steps; s++) {
                long t0 = System.nanoTime();
                SapoStep.Result r = sapo.run(s + 1, prompts, (float) config.learningRate(), TaskContext.none());
                double sec = (System.nanoTime() - t0) / 1e9;
                if (s > 0) {
                    seconds[s - 1] = sec;
                    tokens += r.generatedTokens();
                }
                System.out.printf(Locale.ROOT, "  step %d%s: %.2f s, %d tokens generated%n", s + 1, s == 0 ? " (warm-up)" : "", sec,
                        r.generatedTokens());
            }
            Arrays.sort(seconds);
            double median = seconds[steps / 2];
            int rollouts = config.promptsPerStep() * config.group();
            System.out.printf(Locale.ROOT, "median step %.2f s: %.2f rollouts/s, %.0f generated tokens/s (mean %.0f tokens per rollout)%n",
                    median, rollouts / median, tokens / (double) steps / median, tokens / (double) steps / rollouts);
        }
        return 0;
    }

    private static AudioClip noise() {
        SplittableRandom random = new SplittableRandom(1);
        float[][] channels = new float[4][16000 * 4];
        for (float[] c : channels) {
            for (int i = 0; i < c.length; i++) {
                c[i] = (float) (0.05 * random.nextGaussian());
            }
        }
        return new AudioClip(16000, channels);
    }
}
