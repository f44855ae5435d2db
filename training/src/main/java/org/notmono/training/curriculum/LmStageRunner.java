package org.notmono.training.curriculum;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntUnaryOperator;

import org.notmono.model.train.NamedAdam;
import org.notmono.training.run.RunFolder;
import org.notmono.training.stage1.WarmupCosine;

/**
 * The training loop of the supervised LM stages (0, 2, 3) in the run layout of DESIGN.md: a
 * fixed number of steps over a seeded example order (a new shuffle each epoch), Adam at a
 * warm-up and cosine learning rate, one metrics record per step ({@code train/loss},
 * {@code train/learning_rate}, {@code train/tokens_per_second}, {@code train/tokens}),
 * checkpoints every N steps and at the end (each with Adam's moments and step count in
 * {@value NamedAdam#FILE}, kept in the newest checkpoint only), and a graceful stop (a
 * checkpoint, then status "stopped"). Started at a checkpoint's step it continues the order, the
 * schedule and Adam's moments, so it takes the steps an unbroken run would; a checkpoint written
 * before the moments were saved resumes with them at zero (the log says so).
 */
public final class LmStageRunner {
    private final String stage;
    private final StageSettings settings;
    private final StageModel model;
    private final RunFolder run;
    private final Map<String, Object> provenance;
    private int[] lengths;
    private int[] order;
    private int orderEpoch = -1;

    /** @param provenance recorded in every checkpoint's model.json "training" (config, data, seeds) */
    public LmStageRunner(String stage, StageSettings settings, StageModel model, RunFolder run, Map<String, Object> provenance) {
        this.stage = stage;
        this.settings = settings;
        this.model = model;
        this.run = run;
        this.provenance = provenance;
    }

    /** How a call to {@link #train} ended. */
    public record Outcome(long lastStep, boolean stopped, Map<String, Float> lastMetrics) {
    }

    public int stepsPerEpoch() {
        return Math.max(1, model.examples() / settings.batchSize());
    }

    /** Runs from {@code startStep} (0 for a new run, else a checkpoint's step) to the last step or a stop request. */
    public Outcome train(long startStep, BooleanSupplier stopRequested) throws IOException {
        long total = settings.steps();
        int perEpoch = stepsPerEpoch();
        WarmupCosine schedule = new WarmupCosine((float) settings.learningRate(), settings.warmupSteps(), total, 0);
        run.truncateMetricsAfter(startStep);
        run.plannedSteps(total);
        run.status("running", startStep, (int) (startStep / perEpoch), startStep == 0 ? "starting" : "resuming at step " + startStep);
        String optimizer = startStep == 0 ? "" : restoreOptimizer(run.checkpoint(startStep));
        run.log(stage + (startStep == 0 ? " starts" : " resumes at step " + startStep + " (" + optimizer + ")")
                + ": " + model.examples() + " examples, " + perEpoch + " steps per epoch, " + total + " steps");
        run.log(paddingReport((int) (startStep / perEpoch)));
        long step = startStep;
        Map<String, Float> last = Map.of();
        long tokensSince = 0;
        long started = System.nanoTime();
        while (step < total) {
            int epoch = (int) (step / perEpoch);
            int[] batch = batch(epoch, (int) (step % perEpoch));
            float lr = schedule.getNewValue((int) step + 1);
            long t0 = System.nanoTime();
            StageModel.Step result = model.step(batch, lr);
            step++;
            double seconds = (System.nanoTime() - t0) / 1e9;
            tokensSince += result.tokens();
            Map<String, Float> metrics = new LinkedHashMap<>();
            metrics.put("train/loss", result.loss());
            metrics.put("train/learning_rate", lr);
            metrics.put("train/tokens", (float) result.tokens());
            metrics.put("train/tokens_per_second", (float) (result.tokens() / seconds));
            run.metrics(step, epoch, metrics);
            last = metrics;
            boolean stop = stopRequested.getAsBoolean();
            boolean end = step == total;
            if (step % settings.checkpointEvery() == 0 || end || stop) {
                checkpoint(step);
            }
            String message = String.format(Locale.ROOT, "step %d/%d loss %.4f", step, total, result.loss());
            if (step % 10 == 0 || end || stop) {
                double elapsed = (System.nanoTime() - started) / 1e9;
                run.status("running", step, epoch, message);
                run.log(String.format(Locale.ROOT, "%s (%.0f s, %.0f tokens/s)", message, elapsed, tokensSince / elapsed));
            }
            if (stop && !end) {
                run.status("stopped", step, epoch, "stopped at step " + step + "; resume with --resume");
                run.log("stopped at step " + step);
                return new Outcome(step, true, last);
            }
        }
        run.status("finished", step, (int) ((step - 1) / perEpoch), "finished after " + step + " steps");
        run.log("finished after " + step + " steps");
        return new Outcome(step, false, last);
    }

    /** The examples of step {@code position} of {@code epoch} ({@link BatchOrder}), so a resumed run draws the same batches. */
    int[] batch(int epoch, int position) {
        int[] order = order(epoch);
        int[] batch = new int[settings.batchSize()];
        for (int k = 0; k < batch.length; k++) {
            batch[k] = order[(position * batch.length + k) % order.length];
        }
        return batch;
    }

    /** The epoch's order, computed once per epoch. */
    private int[] order(int epoch) {
        if (epoch != orderEpoch) {
            order = BatchOrder.of(model.examples(), settings.seed(), epoch, settings.batchSize(), settings.lengthBuckets(), length());
            orderEpoch = epoch;
        }
        return order;
    }

    /** How much of the epoch's batches is padding, for the log; with length buckets, also how much the plain shuffle's would be. */
    private String paddingReport(int epoch) {
        double padding = BatchOrder.padding(order(epoch), settings.batchSize(), length());
        if (settings.lengthBuckets() < 2) {
            return String.format(Locale.ROOT, "batches in shuffled order: %.1f%% of their positions are padding", 100 * padding);
        }
        int[] plain = BatchOrder.of(model.examples(), settings.seed(), epoch, settings.batchSize(), 0, length());
        return String.format(Locale.ROOT, "batches bucketed by length (%d batches a bucket): %.1f%% of their positions are padding"
                + " (%.1f%% in shuffled order)", settings.lengthBuckets(), 100 * padding,
                100 * BatchOrder.padding(plain, settings.batchSize(), length()));
    }

    /** Each example's length, read from the model once: sorting and the padding report ask for them millions of times an epoch. */
    private IntUnaryOperator length() {
        if (lengths == null) {
            lengths = new int[model.examples()];
            for (int i = 0; i < lengths.length; i++) {
                lengths[i] = model.length(i);
            }
        }
        return i -> lengths[i];
    }

    /** Restores Adam from a checkpoint's {@value NamedAdam#FILE}; says what it did, for the log. */
    private String restoreOptimizer(Path checkpoint) throws IOException {
        Path file = checkpoint.resolve(NamedAdam.FILE);
        if (!Files.isRegularFile(file)) {
            return "no " + NamedAdam.FILE + " in " + checkpoint.getFileName() + ": Adam's moments start from zero";
        }
        model.optimizer().restore(file);
        return "Adam's moments and step count " + model.optimizer().steps() + " restored";
    }

    private void checkpoint(long step) throws IOException {
        Map<String, Object> training = new LinkedHashMap<>(provenance);
        training.put("stage", stage);
        training.put("globalStep", step);
        model.checkpoint(run.checkpoint(step), training);
        run.dropOptimizerStatesBefore(step, NamedAdam.FILE);
        run.log("checkpoint step-" + step);
    }
}
