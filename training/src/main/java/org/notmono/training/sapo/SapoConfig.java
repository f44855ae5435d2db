package org.notmono.training.sapo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.notmono.cli.InputException;
import org.notmono.model.lora.LoraConfig;

/**
 * Stage 4 (SAPO) settings, TWNM table 4 and appendix B where the paper gives them (AdamW, warm-up
 * ratio 0.1, clipping 1.0, LoRA r 8 / alpha 32 initialised Gaussian, tau_pos 1.0, tau_neg 1.05,
 * 40-400 characters); sizes for this CPU where it does not.
 *
 * @param steps optimisation steps (each on {@code promptsPerStep} prompts)
 * @param promptsPerStep multiple-choice prompts per step
 * @param group G, rollouts per prompt
 * @param maxNewTokens longest rollout in tokens
 * @param temperature sampling temperature of the rollouts
 * @param topP nucleus of the rollouts' sampling
 * @param updatesPerBatch optimisation passes over one step's rollouts (more than 1 moves the ratio off 1, where the gate acts)
 * @param learningRate peak AdamW learning rate
 * @param warmupRatio share of the steps spent warming up linearly
 * @param weightDecay AdamW's decoupled weight decay
 * @param clip global gradient-norm clip
 * @param tauPositive gate temperature for positive advantages
 * @param tauNegative gate temperature for negative advantages
 * @param klInitial starting KL coefficient
 * @param klTarget KL the controller steers to (nats per token)
 * @param klHorizon prompts over which a full correction is spread
 * @param klSmoothing weight of the old value in the moving average of KL
 * @param advantageStdFloor the smallest reward standard deviation a group's advantages are divided by
 *                          ({@link GroupAdvantages}; 0 is TWNM's plain z-score, and what a config without the field means)
 * @param lossOnReasoning true: the loss (policy gradient and KL) covers a rollout's tokens up to its {@code </think>}
 *                        only, since a multiple-choice answer is the option the policy finds likeliest after the
 *                        reasoning (decision 0004), not the letter it goes on to write; false (the presets, and what a
 *                        config without the field means): every generated token
 * @param greedyWrongOnly true: each step draws {@value #GREEDY_CANDIDATES} candidates a prompt and keeps those the greedy
 *                        policy answers wrong (its greedy reasoning, then the likeliest option: what evaluation reads),
 *                        filling up with ones it answers right ({@link SapoStep}); a group whose greedy answer is right
 *                        can only teach the sampling to agree with it. false (the presets, and what a config without the
 *                        field means): the prompts as drawn
 * @param rewards the reward's weights
 * @param minReasoning shortest reasoning (characters) the length reward accepts fully
 * @param maxReasoning longest reasoning (characters) the length reward accepts fully
 * @param loraRank rank of the policy's adapters
 * @param loraAlpha alpha of the policy's adapters
 * @param loraTargets projections the adapters go on
 * @param loggedPrompts prompts per step whose rollouts go to rollouts.jsonl
 * @param checkpointEvery steps between checkpoints
 * @param seed seed of prompt order, adapters and sampling
 */
public record SapoConfig(int steps, int promptsPerStep, int group, int maxNewTokens, double temperature, double topP,
                         int updatesPerBatch, double learningRate, double warmupRatio, double weightDecay, double clip,
                         double tauPositive, double tauNegative, double klInitial, double klTarget, double klHorizon,
                         double klSmoothing, double advantageStdFloor, boolean lossOnReasoning, boolean greedyWrongOnly, RewardWeights rewards,
                         int minReasoning, int maxReasoning, int loraRank, double loraAlpha, List<String> loraTargets, int loggedPrompts, int checkpointEvery, long seed) {
    /**
     * Candidates drawn per prompt under {@link #greedyWrongOnly()}: Stage 3's greedy answers are right on about 60% of
     * training prompts, so three candidates give a wrong one with probability 1 - 0.6^3, about 0.78.
     */
    public static final int GREEDY_CANDIDATES = 3;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    public SapoConfig {
        require(steps >= 1, "steps must be at least 1");
        require(promptsPerStep >= 1, "promptsPerStep must be at least 1");
        require(group >= 2, "group (G) must be at least 2: advantages compare rollouts of one prompt");
        require(maxNewTokens >= 1, "maxNewTokens must be at least 1");
        require(temperature > 0, "temperature must be > 0: rollouts must differ");
        require(topP > 0 && topP <= 1, "topP must be in (0, 1]");
        require(updatesPerBatch >= 1, "updatesPerBatch must be at least 1");
        require(learningRate > 0, "learningRate must be > 0");
        require(warmupRatio >= 0 && warmupRatio < 1, "warmupRatio must be in [0, 1)");
        require(weightDecay >= 0, "weightDecay must be >= 0");
        require(clip > 0, "clip must be > 0");
        require(minReasoning >= 1 && maxReasoning >= minReasoning, "need 1 <= minReasoning <= maxReasoning");
        require(loggedPrompts >= 0, "loggedPrompts must be >= 0");
        require(checkpointEvery >= 1, "checkpointEvery must be at least 1");
        require(advantageStdFloor >= 0, "advantageStdFloor must be >= 0");
        require(rewards != null, "rewards must be given");
        loraTargets = List.copyOf(loraTargets);
        new SoftGate(tauPositive, tauNegative);
        new AdaptiveKlController(klInitial, klTarget, klHorizon, klSmoothing);
        new LoraConfig(loraRank, loraAlpha, loraTargets, 0, LoraConfig.Init.GAUSSIAN);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * {@code tiny}: sized for 2 CPU cores, the shipped {@code lalm-tiny}'s Stage 4 (250 steps of rollouts up to 256 tokens:
     * 96 cut long reasoning short), so a Stage 4 launched from the Training workspace trains as the recipe does.
     */
    public static SapoConfig tiny() {
        return new SapoConfig(250, 4, 8, 256, 1.0, 1.0, 2, 5e-5, 0.1, 0.01, 1.0, 1.0, 1.05, 0.05, 0.05, 256, 0.9, 0, false, false,
                RewardWeights.defaults(), 40, 400, 8, 32, List.of("q_proj", "k_proj", "v_proj", "o_proj"), 2, 25, 4);
    }

    /** {@code paper}: TWNM table 4's global batch of 64 prompts. */
    public static SapoConfig paper() {
        SapoConfig t = tiny();
        return new SapoConfig(1000, 64, 8, 512, 1.0, 1.0, 2, 1e-6, 0.1, 0.01, 1.0, 1.0, 1.05, 0.05, 0.05, 10_000, 0.9, 0, false, false,
                t.rewards(), 40, 400, 8, 32, t.loraTargets(), 4, 100, 4);
    }

    /** A named config ({@code tiny}, {@code paper}) or a JSON file of this record's fields. */
    public static SapoConfig resolve(String nameOrFile) throws IOException {
        switch (nameOrFile) {
            case "tiny":
                return tiny();
            case "paper":
                return paper();
            default:
                Path file = Path.of(nameOrFile);
                if (!Files.isRegularFile(file)) {
                    throw new InputException("--config " + nameOrFile + ": neither tiny, paper nor a config file");
                }
                JsonNode json = JSON.readTree(file.toFile());
                return fromJson(json.has("stage4") ? json.get("stage4") : json, file.toString());
        }
    }

    /** Reads {@link #toJson()}'s form; a missing, unknown or invalid field is named. */
    public static SapoConfig fromJson(JsonNode json, String where) {
        try {
            if (json.isObject()) { // a config written before these fields existed means TWNM's z-score over every token
                ObjectNode filled = json.deepCopy();
                filled.putIfAbsent("advantageStdFloor", DoubleNode.valueOf(0));
                filled.putIfAbsent("lossOnReasoning", BooleanNode.FALSE);
                filled.putIfAbsent("greedyWrongOnly", BooleanNode.FALSE);
                json = filled;
            }
            return JSON.treeToValue(json, SapoConfig.class);
        } catch (IOException | IllegalArgumentException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new InputException(where + ": bad stage 4 config: " + cause.getMessage().lines().findFirst().orElse(""));
        }
    }

    public ObjectNode toJson() {
        return JSON.valueToTree(this);
    }

    /**
     * The policy's adapters: Gaussian A, zero B (so the policy starts as the reference), no dropout (the ratio must be exact,
     * and {@link SapoStep} takes the sampling policy's log-probs from the first update pass, which is then that policy).
     */
    public LoraConfig lora() {
        return new LoraConfig(loraRank, loraAlpha, loraTargets, 0, LoraConfig.Init.GAUSSIAN);
    }

    public SoftGate gate() {
        return new SoftGate(tauPositive, tauNegative);
    }

    /** Candidates a step draws: {@value #GREEDY_CANDIDATES} a prompt under {@link #greedyWrongOnly()}, else the prompts. */
    public int candidatesPerStep() {
        return greedyWrongOnly ? GREEDY_CANDIDATES * promptsPerStep : promptsPerStep;
    }

    /** Warm-up steps: the ratio of the steps, at least 1. */
    public int warmupSteps() {
        return Math.max(1, (int) Math.round(warmupRatio * steps));
    }
}
