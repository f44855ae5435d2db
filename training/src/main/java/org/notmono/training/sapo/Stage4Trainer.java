package org.notmono.training.sapo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import org.notmono.model.lalm.LalmCheckpoint;
import org.notmono.model.lalm.LalmModel;
import org.notmono.model.lora.LoraAdapters;
import org.notmono.task.TaskContext;
import org.notmono.training.qa.QaItem;
import org.notmono.training.run.RunFolder;
import org.notmono.training.stage1.WarmupCosine;

/**
 * The Stage 4 loop over a run folder: each step draws {@link SapoConfig#promptsPerStep()}
 * multiple-choice prompts (a pure function of the seed and the step), runs a {@link SapoStep},
 * appends the step's metrics to metrics.jsonl and its sampled rollouts to rollouts.jsonl, and
 * writes a LALM checkpoint (policy adapters merged, so {@code ask} and Chat load it as it is)
 * every {@link SapoConfig#checkpointEvery()} steps, at the end, and when asked to stop.
 * The caller owns the run folder's creation, locking and signals (the shared LM-stage runner).
 */
public final class Stage4Trainer {
    private final SapoConfig config;
    private final LalmModel model;
    private final List<QaItem> prompts;
    private final EncodedClips clips;
    private final RunFolder run;

    /**
     * @param model the Stage 3 LALM (its adapters are merged here: that is the reference policy)
     * @param prompts multiple-choice QA items (others are left out)
     */
    public Stage4Trainer(SapoConfig config, LalmModel model, List<QaItem> prompts, EncodedClips clips, RunFolder run) {
        this.config = config;
        this.model = model;
        this.prompts = prompts.stream().filter(q -> q.options() != null).toList();
        if (this.prompts.isEmpty()) {
            throw new IllegalArgumentException("Stage 4 needs multiple-choice QA items (kind mcq); the corpus has none");
        }
        this.clips = clips;
        this.run = run;
    }

    /**
     * @param lastStep the last step made
     * @param stopped true when {@code stop} ended the loop early
     * @param lastMetrics the last step's metrics
     */
    public record Outcome(long lastStep, boolean stopped, Map<String, Float> lastMetrics) {
    }

    /** Trains from step 1 until {@link SapoConfig#steps()} or until {@code stop} says so. */
    public Outcome train(TaskContext task, BooleanSupplier stop) throws IOException {
        if (model.lora() != null) {
            model.lora().merge();
        }
        AdaptiveKlController kl = new AdaptiveKlController(config.klInitial(), config.klTarget(), config.klHorizon(), config.klSmoothing());
        WarmupCosine schedule = new WarmupCosine((float) config.learningRate(), config.warmupSteps(), config.steps(), 0);
        run.plannedSteps(config.steps());
        run.status("running", 0, 0, "sampling rollouts");
        Map<String, Float> last = Map.of();
        long step = 0;
        boolean stopped = false;
        try (LoraAdapters policy = LoraAdapters.attach(model.lm(), config.lora(), config.seed())) {
            SapoStep sapo = new SapoStep(model, policy, config, kl, clips);
            while (step < config.steps()) {
                if (stop.getAsBoolean() || task.isCancelled()) {
                    stopped = true;
                    break;
                }
                step++;
                SapoStep.Result result = sapo.run(step, draw(step), schedule.getNewValue((int) step), task);
                last = result.metrics();
                run.metrics(step, 0, last);
                RolloutsLog.append(run.dir().resolve(RolloutsLog.FILE), result.rollouts());
                run.status("running", step, 0, String.format(java.util.Locale.ROOT, "reward %.3f, KL %.4f",
                        last.get("reward/total"), last.get("kl/value")));
                task.progress(step / (double) config.steps(), "step " + step + " of " + config.steps());
                if (step % config.checkpointEvery() == 0 && step < config.steps()) {
                    checkpoint(policy, step);
                }
            }
            if (step > 0) {
                checkpoint(policy, step);
            }
        }
        run.status(stopped ? "stopped" : "finished", step, 0, stopped ? "stopped; checkpoint at step " + step : "done");
        return new Outcome(step, stopped, last);
    }

    /** The prompts of step {@code step}: drawn without replacement when the corpus allows. */
    List<QaItem> draw(long step) {
        SplittableRandom random = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + step);
        List<QaItem> pool = new ArrayList<>(prompts);
        List<QaItem> out = new ArrayList<>();
        for (int i = 0; i < config.promptsPerStep(); i++) {
            if (pool.isEmpty()) {
                pool.addAll(prompts);
            }
            out.add(pool.remove(random.nextInt(pool.size())));
        }
        return out;
    }

    private void checkpoint(LoraAdapters policy, long step) throws IOException {
        // merging and unmerging would leave rounding in the reference's weights: keep them exactly
        Map<String, float[]> base = new java.util.HashMap<>();
        model.lm().weights().forEach((name, w) -> {
            if (policy.parameters().containsKey(name.replaceFirst("\\.weight$", ".lora_A.weight"))) {
                base.put(name, w.toFloatArray());
            }
        });
        policy.merge();
        try {
            LalmCheckpoint.save(model, run.checkpoint(step), Map.of("stage", "stage4", "step", step, "sapo", config.toJson().toString()));
        } finally {
            policy.unmerge();
            base.forEach((name, values) -> model.lm().weights().get(name).set(values));
        }
        run.log("checkpoint " + run.checkpoint(step));
    }
}
