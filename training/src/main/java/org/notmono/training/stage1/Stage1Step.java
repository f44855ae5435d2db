package org.notmono.training.stage1;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import org.notmono.model.encoder.ClipFeatures;
import org.notmono.model.encoder.EncoderModel;
import org.notmono.model.encoder.EncoderOutput;
import org.notmono.model.encoder.FeatureBatch;
import org.notmono.model.train.NamedAdam;

/**
 * One optimisation step: forward in training mode, the Stage 1 loss, backward, global-norm
 * gradient clipping and an Adam update, all in a sub-manager closed at the end of the step.
 * A step whose loss or gradient is not finite changes nothing: no update, and the running
 * statistics its forward pass moved are put back; its values then hold {@code non_finite = 1}.
 */
public final class Stage1Step {
    private final EncoderModel model;
    private final Stage1Loss loss;
    private final NamedAdam adam;
    private final Tracker learningRate;
    private final double gradientClip;
    private int updatesThisProcess;

    public Stage1Step(EncoderModel model, Stage1Config config, Tracker learningRate) {
        this.model = model;
        this.loss = new Stage1Loss(config.loss());
        model.attachGradients();
        this.adam = NamedAdam.of(model.block());
        this.learningRate = learningRate;
        this.gradientClip = config.training().gradientClip();
    }

    /** The optimizer, whose moments go into every checkpoint. */
    NamedAdam optimizer() {
        return adam;
    }

    /** Trains on one batch; returns the loss terms and the gradient norm before clipping. */
    public Map<String, Float> run(List<ClipFeatures> features, List<SceneLabels> labels) {
        try (NDManager step = model.manager().newSubManager()) {
            Map<Parameter, NDArray> statistics = runningStatistics(step);
            FeatureBatch batch = FeatureBatch.of(step, features);
            Stage1Loss.Terms terms;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                EncoderOutput out = model.forward(batch.map(), batch.logMel(), true);
                terms = loss.compute(out, labels);
                collector.backward(terms.total());
            }
            Map<String, Float> values = new LinkedHashMap<>(terms.values());
            float norm = (float) adam.gradientNorm();
            values.put("grad_norm", norm);
            if (Float.isFinite(values.get("loss")) && Float.isFinite(norm)) {
                // the schedule counts from the run's start step; the step also zeroes the gradients
                adam.step(learningRate.getNewValue(++updatesThisProcess), gradientClip, norm);
            } else {
                // one NaN would poison every weight through Adam's moments: skip the step
                statistics.forEach((p, saved) -> saved.copyTo(p.getArray()));
                values.put("non_finite", 1f);
                for (NDArray trained : adam.parameters().values()) {
                    JniUtils.zeroGrad((PtNDArray) trained); // in place (NaN - NaN would stay NaN)
                }
            }
            return values;
        }
    }

    /** Copies of the parameters the forward pass itself changes (batch norm's running statistics). */
    private Map<Parameter, NDArray> runningStatistics(NDManager step) {
        Map<Parameter, NDArray> copies = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : model.block().getParameters()) {
            if (!p.getValue().requiresGradient()) {
                NDArray copy = p.getValue().getArray().duplicate();
                copy.attach(step);
                copies.put(p.getValue(), copy);
            }
        }
        return copies;
    }
}
