package org.notmono.model.train;

import java.util.function.Function;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.notmono.model.lm.Qwen2Model;

/**
 * One optimisation step of the decoder on the masked next-token loss: builds the batch inside
 * the gradient recording (so gradients reach whatever made the embeddings, e.g. a projector),
 * backpropagates, and updates only the optimizer's arrays (LoRA adapters, a projector, or the
 * whole LM); everything else stays frozen.
 */
public final class LmTrainingStep {
    private final Qwen2Model model;
    private final NamedAdam optimizer;
    private final double clip;

    public LmTrainingStep(Qwen2Model model, NamedAdam optimizer, double clip) {
        this.model = model;
        this.optimizer = optimizer;
        this.clip = clip;
    }

    /** Trains on the batch {@code batch} builds in the step's manager; returns the loss before the update. */
    public float run(Function<NDManager, LmBatch> batch, float learningRate) {
        try (NDManager step = model.manager().newSubManager()) {
            float loss;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                LmBatch b = batch.apply(step);
                NDArray value = MaskedLmLoss.loss(model.forward(b.embeddings(), null, true), b.targets(), b.mask());
                collector.backward(value);
                loss = value.getFloat();
            }
            optimizer.step(learningRate, clip);
            return loss;
        }
    }
}
