package org.notmono.training.sapo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.notmono.model.chat.GenerationSettings;
import org.notmono.model.encoder.nn.Ops;
import org.notmono.model.generate.Generated;
import org.notmono.model.generate.Generator;
import org.notmono.model.lalm.AnswerParts;
import org.notmono.model.lalm.ChatPrompt;
import org.notmono.model.lalm.LalmModel;
import org.notmono.model.lalm.OptionLikelihood;
import org.notmono.model.lalm.PromptEmbedding;
import org.notmono.model.lm.ProjectionAdapter;
import org.notmono.model.lm.Qwen2Model;
import org.notmono.model.lora.LoraAdapters;
import org.notmono.model.tokenizer.SpecialTokens;
import org.notmono.model.train.LmBatch;
import org.notmono.model.train.NamedAdam;
import org.notmono.task.TaskContext;
import org.notmono.training.qa.QaItem;

/**
 * One Stage 4 step (TWNM 4.3, appendix B): for each multiple-choice prompt, G rollouts sampled
 * from the current policy, scored by the {@link RewardFunction}, group-normalised advantages;
 * token log-probs under the sampling policy and the frozen reference; then
 * {@link SapoConfig#updatesPerBatch()} AdamW updates of the policy's LoRA adapters on the
 * gated objective plus the adaptive KL penalty, and the KL coefficient's update.
 * <p>
 * The reference policy is the same decoder with the adapters switched off (the Stage 3 adapters
 * are merged into it), so no second copy of the LM is held. The projector stays frozen: TWNM
 * trains the adapters in Stage 4, and the audio tokens of a prompt are then the same for its
 * rollouts and every log-prob pass. Sampling and scoring the options run with the policy's adapters
 * merged into the weights (they need no gradients, and a merged projection is one matrix product
 * instead of three); unmerging restores the reference's weights exactly before its log-probs and the
 * updates. The sampling policy's log-probs are those of the first update pass, taken before its
 * update, so no separate pass computes them.
 */
public final class SapoStep {
    private final LalmModel model;
    private final Qwen2Model lm;
    private final LoraAdapters policy;
    private final SapoConfig config;
    private final RewardFunction reward;
    private final SoftGate gate;
    private final AdaptiveKlController kl;
    private final EncodedClips clips;
    private final NamedAdam optimizer;
    private final Generator generator;
    private final long endOfTurn;
    private final long thinkEnd;
    private final OptionLikelihood likelihood;

    /**
     * @param model the LALM (its own adapters, if any, merged: the base is the reference policy)
     * @param policy the trainable adapters installed on {@code model}'s LM
     */
    public SapoStep(LalmModel model, LoraAdapters policy, SapoConfig config, AdaptiveKlController kl, EncodedClips clips) {
        if (model.lora() != null && !model.lora().merged()) {
            throw new IllegalArgumentException("merge the Stage 3 adapters first: the base LM is the reference policy");
        }
        if (policy.config().dropout() > 0) { // the first update pass must be the sampling policy itself (see run)
            throw new IllegalArgumentException("the policy's adapters have dropout " + policy.config().dropout() + "; SAPO's need none");
        }
        this.model = model;
        this.lm = model.lm();
        this.policy = policy;
        this.config = config;
        this.reward = new RewardFunction(config.rewards(), config.minReasoning(), config.maxReasoning());
        this.gate = config.gate();
        this.kl = kl;
        this.clips = clips;
        this.optimizer = new NamedAdam(policy.parameters(), (float) config.weightDecay());
        this.endOfTurn = model.endTokens()[0];
        this.thinkEnd = thinkEndId(model);
        this.generator = new Generator(lm, model.tokenizer(), endOfTurn); // one end token, so an ended rollout's last id is known
        this.likelihood = new OptionLikelihood(lm, model.tokenizer());
    }

    /**
     * The option a rollout's answer names as the LALM answers (decision record 0004): the one whose
     * text the policy finds likeliest after the rollout's text; the written letter when the options
     * do not fit the context after it.
     */
    private static Character named(OptionLikelihood.Prompted prompt, String text, List<String> options) {
        double[] scores = prompt.score(OptionLikelihood.answerPrefix(text), options);
        return scores == null ? AnswerParts.of(text, true).letter() : (char) ('A' + OptionLikelihood.likeliest(scores));
    }

    /** A multiple-choice prompt as the policy reads it: the user's turn, and the chat's embedding with the clip's audio tokens. */
    private record Prepared(QaItem item, String user, NDArray embedding) {
    }

    private Prepared prepare(QaItem item, NDManager manager) throws IOException {
        if (item.options() == null) {
            throw new IllegalArgumentException("SAPO prompt " + item.id() + " is not multiple choice");
        }
        String user = ChatPrompt.question(item.question(), item.options());
        long[] ids = model.tokenizer().encode(ChatPrompt.render(List.of(), user, true));
        NDArray audio = model.project(clips.encoded(item.clip(), manager), manager);
        return new Prepared(item, user, PromptEmbedding.embed(lm, ids, model.anchor(), audio, manager));
    }

    /**
     * The step's prompts under {@link SapoConfig#greedyWrongOnly()}: the candidates, in order, whose greedy answer (the
     * greedy reasoning, then the likeliest option, as evaluation reads the model) is wrong, up to
     * {@link SapoConfig#promptsPerStep()}; short of that, the first candidates it answers right fill the step. Puts the
     * share of the candidates the greedy policy answers right in {@code metrics} ("greedy/right",
     * {@link #greedyRightShare}).
     */
    private List<Prepared> greedyWrongFirst(List<QaItem> candidates, NDManager manager, Map<String, Float> metrics, TaskContext task)
            throws IOException {
        List<Prepared> wrong = new ArrayList<>();
        List<Prepared> right = new ArrayList<>();
        for (QaItem item : candidates) {
            if (wrong.size() == config.promptsPerStep()) {
                break;
            }
            Prepared c = prepare(item, manager); // only the candidates examined are read and projected
            Generated greedy = generator.generate(c.embedding(), GenerationSettings.greedy(config.maxNewTokens()), piece -> { }, task);
            Character named;
            try (OptionLikelihood.Prompted scorer = likelihood.prompted(c.embedding(), manager)) {
                named = named(scorer, greedy.text(), c.item().options());
            }
            (named != null && named == c.item().answer().charAt(0) ? right : wrong).add(c);
        }
        metrics.put("greedy/right", greedyRightShare(right.size(), wrong.size(), config.promptsPerStep()));
        List<Prepared> chosen = new ArrayList<>(wrong);
        for (int i = 0; chosen.size() < config.promptsPerStep() && i < right.size(); i++) {
            chosen.add(right.get(i));
        }
        return chosen;
    }

    /**
     * An unbiased estimate of the share of candidates the greedy policy answers right, from a step that examined
     * candidates in order until the {@code stopAt}-th wrong one or the last: {@code right / (examined - 1)} when the
     * examination stopped at a wrong answer, {@code right / examined} otherwise. The plain share would read low, since
     * a stopped examination always ends on a wrong answer (0.55 for a policy right on 60% of them, 4 wrong of up to 12);
     * leaving out the stopping candidate is the unbiased estimator of sequential sampling (Girshick, Mosteller and
     * Savage 1946).
     */
    static float greedyRightShare(int right, int wrong, int stopAt) {
        int examined = right + wrong;
        return (float) right / Math.max(1, wrong == stopAt ? examined - 1 : examined);
    }

    private static long thinkEndId(LalmModel model) {
        try {
            return model.tokenizer().id(SpecialTokens.THINK_END);
        } catch (IOException e) {
            throw new IllegalArgumentException("the LALM's tokenizer has no " + SpecialTokens.THINK_END + " token: " + e.getMessage(), e);
        }
    }

    /**
     * How many of a rollout's leading tokens the loss covers: all of them, or with {@code reasoningOnly} those up to and
     * including the first {@code thinkEnd} (all of them when there is none: a rollout that never closes its reasoning is
     * judged, and corrected, as a whole).
     */
    static int lossLength(long[] sampled, long thinkEnd, boolean reasoningOnly) {
        if (reasoningOnly) {
            for (int k = 0; k < sampled.length; k++) {
                if (sampled[k] == thinkEnd) {
                    return k + 1;
                }
            }
        }
        return sampled.length;
    }

    /** The reward's part names, in order. */
    public List<String> rewardParts() {
        return reward.partNames();
    }

    public NamedAdam optimizer() {
        return optimizer;
    }

    /**
     * What a step produced.
     *
     * @param metrics {@code reward/<part>}, {@code reward/total}, {@code kl/value}, {@code kl/coef}, {@code train/loss} (first pass),
     *                {@code train/loss_last_pass} (the last pass, after the earlier updates), ...
     * @param rollouts the rollouts of the first {@link SapoConfig#loggedPrompts()} prompts
     * @param generatedTokens tokens sampled in the step
     */
    public record Result(Map<String, Float> metrics, List<RolloutRecord> rollouts, long generatedTokens) {
    }

    /** One prompt's rollouts and their advantages. */
    private record Sampled(LmBatch batch, NDArray advantages) {
    }

    /** One group's tensors, kept for the update passes. */
    private record Group(LmBatch batch, NDArray refLogp, NDArray advantages) {
    }

    /**
     * Runs step {@code step} on {@code prompts} (multiple-choice items; under {@link SapoConfig#greedyWrongOnly()} the
     * candidates its prompts are chosen from) at learning rate {@code learningRate}.
     */
    public Result run(long step, List<QaItem> prompts, float learningRate, TaskContext task) throws IOException {
        int g = config.group();
        Map<String, Double> partSums = new LinkedHashMap<>();
        reward.partNames().forEach(p -> partSums.put(p, 0.0));
        double rewardSum = 0;
        long tokens = 0;
        List<RolloutRecord> logged = new ArrayList<>();
        Map<String, Float> metrics = new LinkedHashMap<>();
        try (NDManager stepManager = lm.manager().newSubManager()) {
            List<Sampled> sampledGroups = new ArrayList<>();
            // sampling and the option scores need no gradients: they run with the adapters folded into
            // the weights (one matrix product a targeted projection instead of three)
            policy.merge();
            try {
                List<Prepared> used = new ArrayList<>();
                if (config.greedyWrongOnly()) {
                    used = greedyWrongFirst(prompts, stepManager, metrics, task);
                } else {
                    for (QaItem item : prompts) {
                        used.add(prepare(item, stepManager));
                    }
                }
                for (int p = 0; p < used.size(); p++) {
                    QaItem item = used.get(p).item();
                    String user = used.get(p).user();
                    NDArray prompt = used.get(p).embedding();
                    GenerationSettings sampling = new GenerationSettings(config.maxNewTokens(), config.temperature(), 0, config.topP(),
                            config.seed() * 1_000_003L + step * 7919L + p, List.of());
                    List<Generated> rollouts = generator.sample(prompt, g, sampling, task);
                    double[] rewards = new double[g];
                    List<RewardFunction.Score> scores = new ArrayList<>();
                    List<long[]> sampled = new ArrayList<>();
                    List<Character> chosen = new ArrayList<>();
                    try (OptionLikelihood.Prompted scorer = likelihood.prompted(prompt, stepManager)) { // the prompt runs once for all G
                        for (int i = 0; i < g; i++) {
                            Generated r = rollouts.get(i);
                            Character named = named(scorer, r.text(), item.options());
                            RewardFunction.Score s = reward.score(new Attempt(user, item.answer().charAt(0), r.text(), named));
                            chosen.add(named);
                            scores.add(s);
                            rewards[i] = s.total();
                            s.parts().forEach((k, v) -> partSums.merge(k, v, Double::sum));
                            rewardSum += s.total();
                            sampled.add(sampledIds(r));
                            tokens += r.tokens().length;
                        }
                    }
                    double[] advantages = GroupAdvantages.of(rewards, config.advantageStdFloor());
                    if (p < config.loggedPrompts()) {
                        List<RolloutRecord.Answer> answers = new ArrayList<>();
                        for (int i = 0; i < g; i++) {
                            answers.add(new RolloutRecord.Answer(rollouts.get(i).text(), chosen.get(i), scores.get(i).parts(), rewards[i],
                                    advantages[i]));
                        }
                        logged.add(new RolloutRecord(step, item.id(), item.family().id(), user, item.answer(), answers));
                    }
                    LmBatch batch = rolloutBatch(prompt, sampled, stepManager);
                    float[] a = new float[g];
                    for (int i = 0; i < g; i++) {
                        a[i] = (float) advantages[i];
                    }
                    sampledGroups.add(new Sampled(batch, stepManager.create(a, new Shape(g, 1))));
                }
            } finally {
                policy.unmerge();
            }
            List<Group> groups = new ArrayList<>();
            lm.setAdapter(ProjectionAdapter.NONE); // the reference policy: the base weights, restored bit for bit
            try {
                for (Sampled s : sampledGroups) {
                    groups.add(new Group(s.batch(), logProbs(s.batch(), stepManager), s.advantages()));
                }
            } finally {
                lm.setAdapter(policy);
            }
            double beta = kl.coefficient();
            double loss = 0;
            double klValue = 0;
            double gradNorm = 0;
            double lastPass = 0;
            NDArray[] oldLogp = new NDArray[groups.size()];
            for (int u = 0; u < config.updatesPerBatch(); u++) {
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    for (int i = 0; i < groups.size(); i++) {
                        Group group = groups.get(i);
                        try (NDManager m = stepManager.newSubManager()) {
                            NDArray x = group.batch().embeddings().duplicate();
                            x.attach(m);
                            NDArray logp = SapoObjective.tokenLogProbs(lm.forward(x, null, true), group.batch().targets());
                            if (u == 0) {
                                // the first pass runs the policy that sampled (its adapters have no dropout): its
                                // log-probs, without their gradient, are the sampling policy's for every pass
                                oldLogp[i] = logp.stopGradient();
                                oldLogp[i].attach(stepManager);
                            }
                            SapoObjective.Terms t = SapoObjective.loss(logp, oldLogp[i], group.refLogp(), group.batch().mask(),
                                    group.advantages(), gate, beta);
                            collector.backward(Ops.scale(t.loss(), 1f / groups.size())); // the step's loss is the mean over prompts
                            if (u == 0) { // the policy that sampled: its KL to the reference and its loss
                                loss += t.loss().getFloat() / groups.size();
                                klValue += t.kl().getFloat() / groups.size();
                            }
                            if (u == config.updatesPerBatch() - 1) {
                                lastPass += t.loss().getFloat() / groups.size();
                            }
                        }
                    }
                }
                gradNorm = optimizer.gradientNorm();
                optimizer.step(learningRate, config.clip(), gradNorm);
            }
            kl.update(klValue, groups.size());
            int n = groups.size() * g;
            partSums.forEach((k, v) -> metrics.put("reward/" + k, (float) (v / n)));
            metrics.put("reward/total", (float) (rewardSum / n));
            metrics.put("kl/value", (float) klValue);
            metrics.put("kl/coef", (float) beta);
            metrics.put("train/loss", (float) loss);
            metrics.put("train/loss_last_pass", (float) lastPass);
            metrics.put("train/lr", learningRate);
            metrics.put("train/grad_norm", (float) gradNorm);
            metrics.put("rollout/tokens", (float) tokens / n);
        }
        return new Result(metrics, logged, tokens);
    }

    /**
     * The batch of one prompt's rollouts: the prompt's embeddings (audio in place) followed by each
     * rollout's token embeddings, zero-padded; the mask selects the positions that predict a sampled
     * token the loss covers ({@link #lossLength}). (The sampled ids are embedded as they are: a rollout may well emit the anchor token.)
     */
    private LmBatch rolloutBatch(NDArray prompt, List<long[]> sampled, NDManager manager) {
        int promptLength = (int) prompt.getShape().get(1);
        int longest = sampled.stream().mapToInt(a -> a.length).max().orElse(0);
        int length = promptLength + longest;
        int b = sampled.size();
        long[] targets = new long[b * length];
        float[] mask = new float[b * length];
        long[] ids = new long[b * longest];
        for (int i = 0; i < b; i++) {
            long[] s = sampled.get(i);
            int inLoss = lossLength(s, thinkEnd, config.lossOnReasoning());
            for (int k = 0; k < s.length; k++) {
                ids[i * longest + k] = s[k];
                targets[i * length + promptLength - 1 + k] = s[k]; // position P - 1 + k predicts sampled token k
                mask[i * length + promptLength - 1 + k] = k < inLoss ? 1 : 0;
            }
        }
        // the padding rows embed id 0 but are never a target: causal attention keeps them out of every masked position
        NDArray answers = lm.embed(manager.create(ids, new Shape(b, longest)));
        NDArray embeddings = prompt.repeat(0, b).concat(answers, 1);
        embeddings.attach(manager);
        return new LmBatch(embeddings, manager.create(targets, new Shape(b, length)), manager.create(mask, new Shape(b, length)));
    }

    /** The ids a rollout sampled, its end-of-turn token included when it ended with one. */
    private long[] sampledIds(Generated r) {
        if (r.reason() != Generated.StopReason.END_TOKEN) {
            return r.tokens();
        }
        long[] ids = java.util.Arrays.copyOf(r.tokens(), r.tokens().length + 1);
        ids[r.tokens().length] = endOfTurn;
        return ids;
    }

    /** Token log-probs [B, T] of the batch's targets under the LM as it is now (no gradients), in {@code manager}. */
    private NDArray logProbs(LmBatch batch, NDManager manager) {
        try (NDManager m = manager.newSubManager()) {
            NDArray x = batch.embeddings().duplicate();
            x.attach(m);
            NDArray out = SapoObjective.tokenLogProbs(lm.forward(x, null, false), batch.targets());
            out.attach(manager);
            return out;
        }
    }
}
