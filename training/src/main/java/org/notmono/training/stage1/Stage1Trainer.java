package org.notmono.training.stage1;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.notmono.model.encoder.ClipFeatures;
import org.notmono.model.encoder.EncoderCheckpoint;
import org.notmono.model.encoder.EncoderModel;
import org.notmono.model.train.NamedAdam;
import org.notmono.task.TaskContext;
import org.notmono.training.run.RunFolder;

/**
 * The Stage 1 training loop: Adam with warm-up and cosine decay, global-norm gradient
 * clipping, a metrics record per step, validation and checkpoints every N steps and at the
 * end, and a graceful stop (a checkpoint, then status "stopped"). Started at a checkpoint's
 * step it continues the same epoch order, learning rate schedule and Adam moments from there.
 */
public final class Stage1Trainer {
    /** Non-finite steps in a row after which the run stops: the data or the learning rate is wrong, not one batch. */
    public static final int MAX_CONSECUTIVE_NON_FINITE = 5;
    private final Stage1Config config;
    private final EncoderModel model;
    private final ExampleSet train;
    private final EpochOrder order;
    private final ExampleSet validation;
    private final RunFolder run;
    private final Map<String, Object> provenance;

    /**
     * @param validation null for none
     * @param provenance recorded in every checkpoint's model.json (data folders, seeds, assets)
     */
    public Stage1Trainer(Stage1Config config, EncoderModel model, ExampleSet train, EpochOrder order, ExampleSet validation,
                         RunFolder run, Map<String, Object> provenance) {
        this.config = config;
        this.model = model;
        this.train = train;
        this.order = order;
        this.validation = validation;
        this.run = run;
        this.provenance = provenance;
    }

    /** How a call to {@link #train} ended. */
    public record Outcome(long lastStep, boolean stopped, Map<String, Float> lastMetrics) {
    }

    public int stepsPerEpoch() {
        return Math.max(1, order.order(0).length / config.training().batchSize());
    }

    public long totalSteps() {
        return (long) stepsPerEpoch() * config.training().epochs();
    }

    public Outcome train(long startStep, TaskContext task, BooleanSupplier stopRequested) throws IOException {
        TrainingSettings s = config.training();
        long total = totalSteps();
        int perEpoch = stepsPerEpoch();
        Stage1Step update = new Stage1Step(model, config, new WarmupCosine((float) s.learningRate(), s.warmupSteps(), total, startStep));
        restoreMoments(update.optimizer(), startStep);
        run.truncateMetricsAfter(startStep);
        run.plannedSteps(total);
        // written at once, so a reader sees the run (and its pid) before the first step ends
        run.status("running", startStep, (int) (startStep / perEpoch), startStep == 0 ? "starting" : "resuming at step " + startStep);
        run.log("stage1 " + (startStep == 0 ? "starts" : "resumes at step " + startStep) + ": " + train.size()
                + " examples, " + perEpoch + " steps per epoch, " + total + " steps, device " + model.manager().getDevice());
        long step = startStep;
        Map<String, Float> last = Map.of();
        long started = System.nanoTime();
        int nonFinite = 0;
        while (step < total) {
            int epoch = (int) (step / perEpoch);
            int[] epochOrder = order.order(epoch);
            int position = (int) (step % perEpoch);
            long t0 = System.nanoTime();
            Map<String, Float> metrics = new LinkedHashMap<>();
            step(update, epochOrder, position * s.batchSize()).forEach((k, v) -> metrics.put("train/" + k, v));
            step++;
            nonFinite = metrics.containsKey("train/non_finite") ? nonFinite + 1 : 0;
            if (nonFinite > 0) {
                run.log("step " + step + ": non-finite loss or gradient (loss " + metrics.get("train/loss") + ", gradient norm "
                        + metrics.get("train/grad_norm") + "); skipped, the weights are unchanged");
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            metrics.put("train/samples_per_second", (float) (s.batchSize() / seconds));
            metrics.put("train/learning_rate", new WarmupCosine((float) s.learningRate(), s.warmupSteps(), total, 0).getNewValue((int) step));
            boolean stop = stopRequested.getAsBoolean() || task.isCancelled();
            boolean end = step == total;
            if (validation != null && (step % s.validateEvery() == 0 || end)) {
                EncoderEvaluation.Result v = new EncoderEvaluation(model, config.loss(), s.batchSize())
                        .run(validation, s.validationClips(), TaskContext.none());
                v.losses().forEach((k, x) -> metrics.put("val/" + k, x));
                v.metrics().asMap().forEach((k, x) -> metrics.put("val/" + k, x == null ? Float.NaN : x.floatValue()));
            }
            run.metrics(step, (int) ((step - 1) / perEpoch), metrics);
            last = metrics;
            if (step % s.checkpointEvery() == 0 || end || stop) {
                checkpoint(step, update.optimizer());
            }
            double elapsed = (System.nanoTime() - started) / 1e9;
            String message = String.format(Locale.ROOT, "step %d/%d loss %.4f", step, total, metrics.get("train/loss"));
            task.progress(step / (double) total, message);
            if (step % 10 == 0 || end || stop) {
                run.status("running", step, (int) ((step - 1) / perEpoch), message);
                run.log(String.format(Locale.ROOT, "%s (%.0f s, %.1f samples/s)", message, elapsed,
                        (step - startStep) * s.batchSize() / elapsed));
            }
            if (nonFinite >= MAX_CONSECUTIVE_NON_FINITE) {
                String why = nonFinite + " steps in a row had a non-finite loss or gradient (the last at step " + step
                        + "); stopped. Lower the learning rate or check the data, then --resume (the weights are those of step "
                        + (step - nonFinite) + ")";
                checkpoint(step, update.optimizer());
                run.status("failed", step, (int) ((step - 1) / perEpoch), why);
                run.log(why);
                throw new NonFiniteTrainingException(why);
            }
            if (stop && !end) {
                run.status("stopped", step, (int) ((step - 1) / perEpoch), "stopped at step " + step + "; resume with --resume");
                run.log("stopped at step " + step);
                return new Outcome(step, true, last);
            }
        }
        run.status("finished", step, config.training().epochs() - 1, "finished after " + step + " steps");
        run.log("finished after " + step + " steps");
        return new Outcome(step, false, last);
    }

    private Map<String, Float> step(Stage1Step update, int[] epochOrder, int first) throws IOException {
        List<ClipFeatures> features = new ArrayList<>();
        List<SceneLabels> labels = new ArrayList<>();
        for (int i = first; i < first + config.training().batchSize(); i++) {
            features.add(train.features(epochOrder[i]));
            labels.add(train.labels(epochOrder[i]));
        }
        return update.run(features, labels);
    }

    /** A resumed run takes Adam's moments from its checkpoint; checkpoints older than this feature have none. */
    private void restoreMoments(NamedAdam adam, long startStep) throws IOException {
        if (startStep == 0) {
            return;
        }
        Path moments = run.checkpoint(startStep).resolve(NamedAdam.FILE);
        if (Files.isRegularFile(moments)) {
            adam.restore(moments);
        } else {
            run.log("warning: step-" + startStep + " has no " + NamedAdam.FILE + ": Adam's moments start from zero");
        }
    }

    private void checkpoint(long step, NamedAdam adam) throws IOException {
        Map<String, Object> extra = new LinkedHashMap<>(provenance);
        extra.put("stage", "stage1");
        extra.put("globalStep", step);
        extra.put("config", config.toJson());
        EncoderCheckpoint.save(model, run.checkpoint(step), extra, dir -> adam.save(dir.resolve(NamedAdam.FILE)));
        run.log("checkpoint step-" + step);
    }
}
