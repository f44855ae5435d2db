package org.notmono.model.encoder;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

/** Runs a block forward and backward on random inputs and checks every trainable parameter gets a gradient. */
final class BlockGradients {
    private BlockGradients() {
    }

    static NDList forwardAndCheckGradients(Block block, NDManager manager, Shape... inputShapes) {
        manager.getEngine().setRandomSeed(3);
        block.initialize(manager, DataType.FLOAT32, inputShapes);
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                p.getValue().getArray().setRequiresGradient(true);
            }
        }
        NDList inputs = new NDList();
        for (Shape s : inputShapes) {
            inputs.add(manager.randomNormal(s));
        }
        NDList outputs;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            outputs = block.forward(new ParameterStore(manager, false), inputs, true);
            NDArray loss = manager.create(0f);
            for (NDArray out : outputs) {
                // a random projection of every output, so no output's gradient is zero by symmetry
                loss = loss.add(out.mul(manager.randomNormal(out.getShape())).sum());
            }
            collector.backward(loss);
        }
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                NDArray grad = p.getValue().getArray().getGradient();
                float norm = grad.abs().sum().getFloat();
                assertTrue(Float.isFinite(norm) && norm > 0, "no gradient reaches " + p.getKey() + " (|g| = " + norm + ")");
            }
        }
        return outputs;
    }
}
