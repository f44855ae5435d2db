package org.notmono.training.sapo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.notmono.cli.InputException;
import org.notmono.model.lalm.LalmCheckpoint;
import org.notmono.model.lalm.LalmModel;
import org.notmono.model.lora.LoraAdapters;
import org.notmono.model.train.NamedAdam;
import org.notmono.task.TaskContext;
import org.notmono.training.qa.QaItem;
import org.notmono.training.run.RunFolder;
import org.notmono.training.stage1.WarmupCosine;

/**
 * The Stage 4 loop over a run folder: each step draws {@link SapoConfig#candidatesPerStep()}
 * multiple-choice prompts (a pure function of the seed and the step; {@link SapoConfig#promptsPerStep()} of them, or
 * the candidates it chooses from under {@link SapoConfig#greedyWrongOnly()}), runs a {@link SapoStep},
 * appends the step's metrics to metrics.jsonl and its sampled rollouts to rollouts.jsonl, and
 * writes a LALM checkpoint (policy adapters merged, so {@code ask} and Chat load it as it is)
 * every {@link SapoConfig#checkpointEvery()} steps, at the end, and when asked to stop.
 * Each checkpoint also holds what resuming needs: the policy adapters unmerged
 * ({@value #POLICY}), AdamW's moments ({@link NamedAdam#FILE}, newest checkpoint only) and the
 * step and KL controller in model.json's {@code training}; the prompts and the rollouts' sampling
 * seeds are functions of the seed and the step, so a resumed run draws what an unbroken one would.
 * The caller owns the run folder's creation, locking and signals (the shared LM-stage runner).
 */
public final class Stage4Trainer {
    /** The policy's LoRA adapters, unmerged, in a Stage 4 checkpoint. */
    public static final String POLICY = "policy.safetensors";
    private static final ObjectMapper JSON = new ObjectMapper();
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
        return train(null, task, stop);
    }

    /**
     * True when a run can continue from {@code checkpoint}: null (no checkpoint yet: the run starts
     * again at step 1 in its folder) or a checkpoint that holds the policy adapters (written by a
     * trainer that can resume; older ones hold only the merged model).
     */
    public static boolean canResumeFrom(Path checkpoint) {
        return checkpoint == null || Files.isRegularFile(checkpoint.resolve(POLICY));
    }

    /**
     * Continues the run from {@code checkpoint} (its newest; null when it has none) until
     * {@link SapoConfig#steps()} or a stop: the policy adapters, AdamW's moments and the KL controller
     * come from the checkpoint, and metrics.jsonl and rollouts.jsonl lose any line after its step.
     */
    public Outcome resume(Path checkpoint, TaskContext task, BooleanSupplier stop) throws IOException {
        if (!canResumeFrom(checkpoint)) {
            throw new InputException(checkpoint + " has no " + POLICY + " (written before Stage 4 could resume): start a new run"
                    + " with --init " + checkpoint);
        }
        return train(checkpoint, task, stop);
    }

    private Outcome train(Path from, TaskContext task, BooleanSupplier stop) throws IOException {
        if (model.lora() != null) {
            model.lora().merge();
        }
        AdaptiveKlController kl = new AdaptiveKlController(config.klInitial(), config.klTarget(), config.klHorizon(), config.klSmoothing());
        WarmupCosine schedule = new WarmupCosine((float) config.learningRate(), config.warmupSteps(), config.steps(), 0);
        JsonNode state = from == null ? null : JSON.readTree(from.resolve(LalmCheckpoint.MODEL_JSON).toFile()).path("training");
        long step = state == null ? 0 : state.path("step").asLong();
        run.plannedSteps(config.steps());
        run.truncateMetricsAfter(step);
        RolloutsLog.truncateAfter(run.dir().resolve(RolloutsLog.FILE), step);
        run.status("running", step, 0, step == 0 ? "sampling rollouts" : "resuming at step " + step);
        Map<String, Float> last = Map.of();
        boolean stopped = false;
        try (LoraAdapters policy = from == null ? LoraAdapters.attach(model.lm(), config.lora(), config.seed())
                : LoraAdapters.load(model.lm(), config.lora(), from.resolve(POLICY))) {
            SapoStep sapo = new SapoStep(model, policy, config, kl, clips);
            if (state != null) {
                kl.restore(state.path("klCoefficient").asDouble(), state.path("klAverage").asDouble(Double.NaN));
                Path optimizer = from.resolve(NamedAdam.FILE);
                boolean moments = Files.isRegularFile(optimizer);
                if (moments) {
                    sapo.optimizer().restore(optimizer);
                }
                run.log("stage4 resumes at step " + step + " from " + from + " (KL coefficient " + kl.coefficient() + ", "
                        + (moments ? "AdamW's moments restored" : "no " + NamedAdam.FILE + ": AdamW's moments start from zero") + ")");
            }
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
                    checkpoint(policy, sapo.optimizer(), kl, step);
                }
            }
            if (step > 0) {
                checkpoint(policy, sapo.optimizer(), kl, step);
            }
        }
        run.status(stopped ? "stopped" : "finished", step, 0, stopped ? "stopped; checkpoint at step " + step : "done");
        return new Outcome(step, stopped, last);
    }

    /** The prompts (or candidates, {@link SapoConfig#candidatesPerStep()}) of step {@code step}: drawn without replacement when the corpus allows. */
    List<QaItem> draw(long step) {
        SplittableRandom random = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + step);
        List<QaItem> pool = new ArrayList<>(prompts);
        List<QaItem> out = new ArrayList<>();
        for (int i = 0; i < config.candidatesPerStep(); i++) {
            if (pool.isEmpty()) {
                pool.addAll(prompts);
            }
            out.add(pool.remove(random.nextInt(pool.size())));
        }
        return out;
    }

    private void checkpoint(LoraAdapters policy, NamedAdam optimizer, AdaptiveKlController kl, long step) throws IOException {
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("stage", "stage4");
        training.put("step", step);
        training.put("sapo", config.toJson().toString());
        training.put("klCoefficient", kl.coefficient());
        if (!Double.isNaN(kl.average())) {
            training.put("klAverage", kl.average());
        }
        Path dir = run.checkpoint(step);
        if (Files.isDirectory(dir)) {
            return; // a stop right after a periodic checkpoint: nothing changed since
        }
        policy.merge();
        try {
            LalmCheckpoint.save(model, dir, training, folder -> {
                policy.save(folder.resolve(POLICY)); // the adapters themselves (merging changed only the base weights)
                optimizer.save(folder.resolve(NamedAdam.FILE));
            });
            run.dropOptimizerStatesBefore(step, NamedAdam.FILE);
        } finally {
            policy.unmerge(); // restores the reference's weights bit for bit
        }
        run.log("checkpoint " + run.checkpoint(step));
    }
}
