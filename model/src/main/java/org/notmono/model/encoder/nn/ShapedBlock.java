package org.notmono.model.encoder.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;

/**
 * A block whose parameter shapes all follow from its configuration, not from the input: it
 * can be initialised without a sample input, and its output shapes are found by running it.
 */
public abstract class ShapedBlock extends AbstractBlock {

    protected ShapedBlock() {
        super((byte) 1);
    }

    /** Adds a trainable parameter of a fixed shape. */
    protected final Parameter weight(String name, Shape shape) {
        return parameter(name, Parameter.Type.WEIGHT, shape, new XavierInitializer());
    }

    protected final Parameter bias(String name, long size) {
        return parameter(name, Parameter.Type.BIAS, new Shape(size), Initializer.ZEROS);
    }

    protected final Parameter parameter(String name, Parameter.Type type, Shape shape, Initializer initializer) {
        return addParameter(Parameter.builder().setName(name).setType(type).optShape(shape)
                .optInitializer(initializer).build());
    }

    /** Children get the parent's input shapes; a child that needs a specific shape overrides this. */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block child : children.values()) {
            child.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList input = new NDList();
            for (Shape s : inputShapes) {
                input.add(manager.zeros(s));
            }
            return forward(new ParameterStore(manager, false), input, false).getShapes();
        }
    }
}
