package org.notmono.training.sapo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.model.lalm.LalmModel;
import org.notmono.model.lora.LoraAdapters;
import org.notmono.model.lora.LoraConfig;
import org.notmono.task.TaskContext;
import org.notmono.training.qa.QaItem;

/**
 * A tiny SAPO run on a Stage-3-like LALM: the second update pass over a batch sees a lower loss
 * than the first (the step descends the gated objective), the KL to the reference starts at
 * exactly 0 and the coefficient follows the controller, only the adapters change, and the
 * logged rollouts agree with the metrics and the advantage formula.
 */
class SapoStepTest {
    @TempDir
    Path dir;

    @Test
    void tinyRunDescendsTheGatedLossAndTouchesOnlyTheAdapters() throws Exception {
        TinySapoFixture fixture = new TinySapoFixture(dir);
        SapoConfig config = smallConfig(4, 2, false);
        try (LalmModel model = fixture.model()) {
            Map<String, float[]> base = new HashMap<>();
            model.lm().weights().forEach((k, v) -> base.put(k, v.toFloatArray()));
            AdaptiveKlController kl = new AdaptiveKlController(config.klInitial(), config.klTarget(), config.klHorizon(), config.klSmoothing());
            try (LoraAdapters policy = LoraAdapters.attach(model.lm(), config.lora(), config.seed())) {
                Map<String, float[]> adaptersBefore = new HashMap<>();
                policy.parameters().forEach((k, v) -> adaptersBefore.put(k, v.toFloatArray()));
                SapoStep sapo = new SapoStep(model, policy, config, kl, TinySapoFixture.clips(model));
                List<QaItem> prompts = List.of(TinySapoFixture.item('A'), TinySapoFixture.item('B'), TinySapoFixture.item('C'),
                        TinySapoFixture.item('D'));
                double expectedCoef = config.klInitial();
                for (int step = 1; step <= config.steps(); step++) {
                    SapoStep.Result r = sapo.run(step, prompts, (float) config.learningRate(), TaskContext.none());
                    Map<String, Float> m = r.metrics();
                    assertEquals((float) expectedCoef, m.get("kl/coef"), 1e-7f, "the coefficient the controller held");
                    AdaptiveKlController replay = new AdaptiveKlController(expectedCoef, config.klTarget(), config.klHorizon(), 0);
                    if (step == 1) {
                        assertEquals(0f, m.get("kl/value"), "the policy starts as the reference (B = 0)");
                        assertLoggedRolloutsMatch(r, m, config);
                        // on-policy, the first pass's ratio is exactly 1 and the KL 0, so its loss is the gate at 1
                        // (2 / tau) times each advantage: -(1/P) sum_p (1/G) sum_i (2 / tau(A_i)) A_i
                        double onPolicy = 0;
                        for (RolloutRecord record : r.rollouts()) {
                            for (RolloutRecord.Answer a : record.answers()) {
                                onPolicy -= 2 / config.gate().tau(a.advantage()) * a.advantage() / (config.group() * r.rollouts().size());
                            }
                        }
                        assertEquals(onPolicy, m.get("train/loss"), 1e-5, "the first pass's loss at ratio 1");
                        // one AdamW step on the batch lowers the loss its second pass sees (a descent direction)
                        assertTrue(m.get("train/loss_last_pass") < m.get("train/loss"), m.toString());
                        expectedCoef = replay.update(m.get("kl/value"), prompts.size());
                    } else {
                        assertTrue(m.get("kl/value") > 0, "after an update the policy differs from the reference: " + m);
                        expectedCoef = kl.coefficient();
                    }
                    for (String key : List.of("reward/format", "reward/option", "reward/accuracy", "reward/length", "reward/grounding",
                            "reward/hallucination", "reward/total", "train/grad_norm")) {
                        assertTrue(Float.isFinite(m.get(key)), key);
                    }
                }
                model.lm().weights().forEach((k, v) -> assertArrayEquals(base.get(k), v.toFloatArray(), k + " changed"));
                int changed = 0;
                for (Map.Entry<String, NDArray> e : policy.parameters().entrySet()) {
                    if (!java.util.Arrays.equals(adaptersBefore.get(e.getKey()), e.getValue().toFloatArray())) {
                        changed++;
                    }
                }
                assertEquals(policy.parameters().size(), changed, "every adapter trains");
            }
        }
    }

    @Test
    void underGreedyWrongOnlyAStepTrainsOnThePromptsTheGreedyPolicyAnswersWrongFirst() throws Exception {
        TinySapoFixture fixture = new TinySapoFixture(dir);
        SapoConfig config = smallConfig(2, 1, true);
        try (LalmModel model = fixture.model();
             LoraAdapters policy = LoraAdapters.attach(model.lm(), config.lora(), config.seed())) {
            // the four items share one prompt and differ in their right letter: the greedy answer is right for one of them
            char greedy = greedyLetter(model, config);
            List<Character> wrong = new java.util.ArrayList<>(List.of('A', 'B', 'C', 'D'));
            wrong.remove(Character.valueOf(greedy));
            AdaptiveKlController kl = new AdaptiveKlController(config.klInitial(), config.klTarget(), config.klHorizon(), config.klSmoothing());
            SapoStep sapo = new SapoStep(model, policy, config, kl, TinySapoFixture.clips(model));
            // learning rate 0: the policy, and so its greedy answer, stays as it was
            SapoStep.Result first = sapo.run(1, List.of(TinySapoFixture.item(greedy), TinySapoFixture.item(wrong.get(0)),
                    TinySapoFixture.item(wrong.get(1)), TinySapoFixture.item(wrong.get(2))), 0f, TaskContext.none());
            assertEquals(List.of(String.valueOf(wrong.get(0)), String.valueOf(wrong.get(1))), truths(first),
                    "the first two candidates answered wrong, in order; the right one is set aside");
            assertEquals(1f / 2, first.metrics().get("greedy/right"), 1e-6f,
                    "three candidates examined, one answered right, stopped at the second wrong one");
            SapoStep.Result second = sapo.run(2, List.of(TinySapoFixture.item(greedy), TinySapoFixture.item(greedy),
                    TinySapoFixture.item(wrong.get(0))), 0f, TaskContext.none());
            assertEquals(List.of(String.valueOf(wrong.get(0)), String.valueOf(greedy)), truths(second),
                    "one candidate answered wrong: the first answered right fills the step");
            assertEquals(2f / 3, second.metrics().get("greedy/right"), 1e-6f);
        }
    }

    @Test
    void theGreedyShareIsUnbiasedUnderTheStepsStoppingRule() {
        // every sequence of answers an examination of up to 12 candidates stopping at the 4th wrong one can see, by its probability
        for (double p : new double[] {0.3, 0.6, 0.9}) {
            double[] expected = expectedShares(p, 0, 0, 1.0);
            assertEquals(p, expected[0], 1e-6, "the estimate's mean is the policy's accuracy " + p);
            assertTrue(expected[1] < p, "the plain share right/examined reads low: " + expected[1] + " for " + p);
        }
        assertEquals(0.5504, expectedShares(0.6, 0, 0, 1.0)[1], 1e-4, "the plain share of a policy right on 60%");
    }

    /** {estimate, plain share} averaged over the examinations that continue from {@code right} right and {@code wrong} wrong. */
    private static double[] expectedShares(double p, int right, int wrong, double probability) {
        if (wrong == 4 || right + wrong == 12) {
            return new double[] {probability * SapoStep.greedyRightShare(right, wrong, 4),
                    probability * right / (double) (right + wrong)};
        }
        double[] r = expectedShares(p, right + 1, wrong, probability * p);
        double[] w = expectedShares(p, right, wrong + 1, probability * (1 - p));
        return new double[] {r[0] + w[0], r[1] + w[1]};
    }

    /** The letter the model names for the fixture's question when it reasons greedily: the likeliest option after its text. */
    private static char greedyLetter(LalmModel model, SapoConfig config) {
        try (ai.djl.ndarray.NDManager m = model.lm().manager().newSubManager()) {
            long[] ids = model.tokenizer().encode(TinySapoFixture.prompt());
            NDArray audio = model.project(TinySapoFixture.clips(model).encoded(TinySapoFixture.CLIP, m), m);
            NDArray prompt = org.notmono.model.lalm.PromptEmbedding.embed(model.lm(), ids, model.anchor(), audio, m);
            String text = new org.notmono.model.generate.Generator(model.lm(), model.tokenizer(), model.endTokens()[0])
                    .generate(prompt, org.notmono.model.chat.GenerationSettings.greedy(config.maxNewTokens()), piece -> { },
                            TaskContext.none()).text();
            double[] scores = new org.notmono.model.lalm.OptionLikelihood(model.lm(), model.tokenizer())
                    .score(prompt, org.notmono.model.lalm.OptionLikelihood.answerPrefix(text), TinySapoFixture.OPTIONS, m);
            return (char) ('A' + org.notmono.model.lalm.OptionLikelihood.likeliest(scores));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Two steps of G = 4 rollouts up to 24 tokens on adapters of rank 4 (q and v), every prompt logged. */
    private static SapoConfig smallConfig(int promptsPerStep, int updatesPerBatch, boolean greedyWrongOnly) {
        return new SapoConfig(2, promptsPerStep, 4, 24, 1.0, 1.0, updatesPerBatch, 1e-3, 0.1, 0.0, 1.0, 1.0, 1.05, 0.01, 0.05, 16, 0.5,
                0, false, greedyWrongOnly, SapoConfig.tiny().rewards(), 40, 400, 4, 16, List.of("q_proj", "v_proj"), promptsPerStep, 100, 11);
    }

    private static List<String> truths(SapoStep.Result r) {
        return r.rollouts().stream().map(RolloutRecord::truth).toList();
    }

    @Test
    void aPolicyWithDropoutIsRefusedSinceTheFirstUpdatePassStandsForTheSamplingPolicy() throws Exception {
        TinySapoFixture fixture = new TinySapoFixture(dir);
        SapoConfig config = SapoConfig.tiny();
        try (LalmModel model = fixture.model();
             LoraAdapters policy = LoraAdapters.attach(model.lm(), new LoraConfig(4, 16, List.of("q_proj"), 0.05, LoraConfig.Init.GAUSSIAN), 1)) {
            AdaptiveKlController kl = new AdaptiveKlController(config.klInitial(), config.klTarget(), config.klHorizon(), config.klSmoothing());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new SapoStep(model, policy, config, kl, TinySapoFixture.clips(model)));
            assertTrue(e.getMessage().contains("dropout 0.05"), e.getMessage());
        }
    }

    private static void assertLoggedRolloutsMatch(SapoStep.Result r, Map<String, Float> m, SapoConfig config) {
        assertEquals(config.loggedPrompts(), r.rollouts().size());
        double accuracySum = 0;
        Map<String, Double> partSums = new HashMap<>();
        double totalSum = 0;
        boolean anyDiffer = false;
        for (int p = 0; p < r.rollouts().size(); p++) {
            RolloutRecord record = r.rollouts().get(p);
            char truth = (char) ('A' + p);
            assertEquals(1, record.step());
            assertEquals("azimuth", record.family());
            assertEquals(String.valueOf(truth), record.truth());
            assertEquals(config.group(), record.answers().size());
            double[] rewards = record.answers().stream().mapToDouble(RolloutRecord.Answer::reward).toArray();
            double[] advantages = GroupAdvantages.of(rewards, 0);
            for (int i = 0; i < rewards.length; i++) {
                RolloutRecord.Answer a = record.answers().get(i);
                assertEquals(advantages[i], a.advantage(), 1e-12);
                assertTrue(a.named() != null && a.named() >= 'A' && a.named() <= 'D', "every rollout names an option: " + a.named());
                double accuracy = a.named() == truth ? 1 : 0;
                assertEquals(accuracy, a.parts().get("accuracy"), a.text());
                accuracySum += accuracy;
                a.parts().forEach((k, v) -> partSums.merge(k, v, Double::sum));
                totalSum += a.reward();
            }
            anyDiffer |= java.util.Arrays.stream(rewards).distinct().count() > 1;
        }
        assertEquals(accuracySum / (config.group() * r.rollouts().size()), m.get("reward/accuracy"), 1e-6,
                "every prompt logged: the metric is the mean over all rollouts");
        double n = config.group() * r.rollouts().size();
        assertEquals(java.util.Set.of("format", "option", "accuracy", "length", "grounding", "hallucination"), partSums.keySet());
        partSums.forEach((k, sum) -> assertEquals(sum / n, m.get("reward/" + k), 1e-6, "reward/" + k + " is the mean of the logged parts"));
        assertEquals(totalSum / n, m.get("reward/total"), 1e-6, "reward/total is the mean of the logged rewards");
        assertTrue(anyDiffer, "some group's rollouts differ in reward: " + r.rollouts());
    }
}
