package org.notmono.training.sapo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.model.lalm.LalmModel;
import org.notmono.model.lora.LoraAdapters;
import org.notmono.task.TaskContext;
import org.notmono.training.qa.QaItem;

/**
 * A tiny SAPO run on a Stage-3-like LALM: accuracy (the only reward part its rollouts differ in)
 * rises, the second update pass lowers the loss the first one measured, the KL to the reference
 * starts at exactly 0, only the adapters change, and the logged rollouts agree with the metrics.
 */
class SapoStepTest {
    @TempDir
    Path dir;

    @Test
    void tinyRunLearnsTheRewardedLetterAndTouchesOnlyTheAdapters() throws Exception {
        TinySapoFixture fixture = new TinySapoFixture(dir);
        SapoConfig tiny = SapoConfig.tiny();
        SapoConfig config = new SapoConfig(14, 2, 8, 40, 1.0, 1.0, 2, 2e-2, 0.1, 0.0, 1.0, 1.0, 1.05, 0.01, 0.05, 16, 0.5,
                tiny.rewards(), 40, 400, 4, 16, List.of("q_proj", "v_proj", "o_proj"), 1, 100, 11);
        long t0 = System.nanoTime();
        try (LalmModel model = fixture.model()) {
            System.err.println("DIAG fixture " + (System.nanoTime() - t0) / 1e9);
            Map<String, float[]> base = new HashMap<>();
            model.lm().weights().forEach((k, v) -> base.put(k, v.toFloatArray()));
            AdaptiveKlController kl = new AdaptiveKlController(config.klInitial(), config.klTarget(), config.klHorizon(), config.klSmoothing());
            try (LoraAdapters policy = LoraAdapters.attach(model.lm(), config.lora(), config.seed())) {
                Map<String, float[]> adaptersBefore = new HashMap<>();
                policy.parameters().forEach((k, v) -> adaptersBefore.put(k, v.toFloatArray()));
                SapoStep sapo = new SapoStep(model, policy, config, kl, TinySapoFixture.clips(model));
                List<QaItem> prompts = List.of(TinySapoFixture.item(), TinySapoFixture.item());
                List<Double> accuracy = new ArrayList<>();
                int lossFell = 0;
                for (int step = 1; step <= config.steps(); step++) {
                    SapoStep.Result r = sapo.run(step, prompts, (float) config.learningRate(), TaskContext.none());
                    Map<String, Float> m = r.metrics();
                    System.err.println("DIAG step " + step + " " + (System.nanoTime() - t0) / 1e9 + " " + m);
                    accuracy.add((double) m.get("reward/accuracy"));
                    if (step == 1) {
                        assertEquals(0f, m.get("kl/value"), "the policy starts as the reference (B = 0)");
                        assertEquals((float) config.klInitial(), m.get("kl/coef"));
                        assertLoggedRolloutsMatch(r, m, config);
                    }
                    if (m.get("train/loss_last_pass") < m.get("train/loss")) {
                        lossFell++;
                    }
                    for (String key : List.of("reward/format", "reward/option", "reward/length", "reward/grounding",
                            "reward/hallucination", "reward/total", "train/grad_norm")) {
                        assertTrue(Float.isFinite(m.get(key)), key);
                    }
                }
                double first = (accuracy.get(0) + accuracy.get(1) + accuracy.get(2)) / 3;
                int n = accuracy.size();
                double last = (accuracy.get(n - 1) + accuracy.get(n - 2) + accuracy.get(n - 3)) / 3;
                assertTrue(first < 0.6, "the supervised model picks the right letter about a quarter of the time: " + accuracy);
                assertTrue(last > first + 0.25, "accuracy rises under SAPO: " + accuracy);
                assertTrue(lossFell >= config.steps() - 2, "the second pass over a batch sees a lower loss (" + lossFell + " of " + config.steps() + ")");
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

    private static void assertLoggedRolloutsMatch(SapoStep.Result r, Map<String, Float> m, SapoConfig config) {
        assertEquals(config.loggedPrompts(), r.rollouts().size());
        RolloutRecord record = r.rollouts().getFirst();
        assertEquals(1, record.step());
        assertEquals("azimuth", record.family());
        assertEquals("C", record.truth());
        assertEquals(config.group(), record.answers().size());
        double[] rewards = record.answers().stream().mapToDouble(RolloutRecord.Answer::reward).toArray();
        double[] advantages = GroupAdvantages.of(rewards);
        for (int i = 0; i < rewards.length; i++) {
            RolloutRecord.Answer a = record.answers().get(i);
            assertEquals(advantages[i], a.advantage(), 1e-12);
            double accuracy = a.text().contains("<answer>C</answer>") ? 1 : 0;
            assertEquals(accuracy, a.parts().get("accuracy"), a.text());
        }
    }
}
