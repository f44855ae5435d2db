package org.notmono.model.encoder;

import java.util.List;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.Pair;

/**
 * A spatial encoder with its parameters: the DJL block, its config and the class vocabulary
 * its class head is over. Owns the DJL model (and its native memory) until closed.
 */
public final class EncoderModel implements AutoCloseable {
    private final EncoderConfig config;
    private final List<String> classes;
    private final SpatialEncoder block;
    private final Model model;

    private EncoderModel(EncoderConfig config, List<String> classes, Device device) {
        this.config = config;
        this.classes = List.copyOf(classes);
        this.block = new SpatialEncoder(config, classes.size());
        this.model = Model.newInstance("encoder", device);
        model.setBlock(block);
    }

    /**
     * A freshly initialised encoder; the same seed gives the same weights. This seeds the
     * engine's global random generator, as training wants.
     */
    public static EncoderModel create(EncoderConfig config, List<String> classes, long seed, Device device) {
        EncoderModel m = new EncoderModel(config, classes, device);
        m.model.getNDManager().getEngine().setRandomSeed((int) seed);
        m.initialize();
        return m;
    }

    /**
     * An encoder whose parameters are zeros, to be overwritten by a checkpoint's. It leaves the
     * engine's global random generator alone: loading a model must not make the random draws of
     * everything else in the process (sampling in the chat, say) repeat.
     */
    static EncoderModel forLoading(EncoderConfig config, List<String> classes, Device device) {
        EncoderModel m = new EncoderModel(config, classes, device);
        m.block.setInitializer(Initializer.ZEROS, parameter -> true);
        m.initialize();
        return m;
    }

    private void initialize() {
        block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, EncoderConfig.CHANNELS, 8, config.bins()),
                new Shape(1, 8, config.melBands()));
    }

    public EncoderConfig config() {
        return config;
    }

    public List<String> classes() {
        return classes;
    }

    public SpatialEncoder block() {
        return block;
    }

    Model djlModel() {
        return model;
    }

    public NDManager manager() {
        return model.getNDManager();
    }

    /** Makes every trainable parameter collect gradients. */
    public void attachGradients() {
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                p.getValue().getArray().setRequiresGradient(true);
            }
        }
    }

    public EncoderOutput forward(NDArray map, NDArray logMel, boolean training) {
        return block.apply(new ParameterStore(map.getManager(), false), map, logMel, training);
    }

    @Override
    public void close() {
        model.close();
    }
}
