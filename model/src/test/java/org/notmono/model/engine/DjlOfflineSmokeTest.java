package org.notmono.model.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.L1Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import org.junit.jupiter.api.Test;

/**
 * The bundled PyTorch library loads with the network disabled, and a small block really
 * trains on the CPU: the loss of a 2-layer net fitting y = sin(3x) falls.
 */
class DjlOfflineSmokeTest {

    @Test
    void theOfflineEngineIsTheBundledPyTorch() {
        assertEquals("true", System.getenv("DJL_OFFLINE"), "tests run with DJL offline");
        assertEquals("true", System.getenv("OPT_OUT_TRACKING"));
        Engine engine = Engine.getInstance();
        assertEquals("PyTorch", engine.getEngineName());
        assertEquals("2.7.1", engine.getVersion());
        assertEquals("PyTorch 2.7.1", EngineReport.collect().engine());
    }

    @Test
    void aTinyBlockTrainsOnTheCpu() {
        SequentialBlock net = new SequentialBlock()
                .add(Linear.builder().setUnits(32).build())
                .add(Activation::tanh)
                .add(Linear.builder().setUnits(1).build());
        try (Model model = Model.newInstance("smoke");
             NDManager data = NDManager.newBaseManager()) {
            model.setBlock(net);
            DefaultTrainingConfig config = new DefaultTrainingConfig(new L1Loss())
                    .optInitializer(new XavierInitializer(), "weight")
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.02f)).build());
            data.getEngine().setRandomSeed(1);
            NDArray x = data.randomUniform(-1, 1, new Shape(256, 1));
            NDArray y = x.mul(data.create(3f)).sin();
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(256, 1));
                float first = Float.NaN;
                float last = Float.NaN;
                for (int step = 0; step < 150; step++) {
                    try (NDManager stepManager = data.newSubManager();
                         GradientCollector collector = trainer.newGradientCollector()) {
                        NDList prediction = trainer.forward(new NDList(x));
                        NDArray loss = trainer.getLoss().evaluate(new NDList(y), prediction);
                        stepManager.tempAttachAll(prediction, loss);
                        if (step == 10) {
                            System.gc(); // a collection between forward and backward must not corrupt gradients
                        }
                        collector.backward(loss);
                        trainer.step();
                        last = loss.getFloat();
                        if (step == 0) {
                            first = last;
                        }
                    }
                    assertTrue(Float.isFinite(last), "loss became " + last + " at step " + step);
                }
                assertTrue(last < first * 0.5, "loss fell from " + first + " to " + last);
            }
        }
    }
}
